package kr.go.gg.training.query.report.projection;

import com.mongodb.client.model.Filters;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.report.YearlyPerformanceReport.Count;
import kr.go.gg.training.api.report.YearlyPerformanceReport.Group;
import kr.go.gg.training.api.report.YearlyPerformanceReport.Row;
import kr.go.gg.training.api.report.YearlyPerformanceReport.Year;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The yearly report's rows as stored, and a year of the report assembled from them: pure, no database. Totals, group
 * counts and the outbound count are computed from the rows, never stored. A row is a document of its own,
 * {@code _id} = {@code "<year>:<courseId>"}, with the year, the course id and BSON dates as fields: a year is one
 * {@code _id} prefix ({@link #rowsOf}), and no document grows with the number of courses.
 */
final class YearAssembly {

    private static final Comparator<Row> ROW_ORDER = Comparator.comparing(Row::startDate)
            .thenComparing(Row::partner).thenComparing(Row::courseId);

    private YearAssembly() {
    }

    /** One completed course's row of the year its training started. */
    static Document row(CourseId courseId, Program program, Direction direction, String partner, Period period, int people) {
        return new Document("_id", period.year() + ":" + courseId.value())
                .append("year", period.year())
                .append("courseId", courseId.value())
                .append("program", program.name())
                .append("direction", direction.name())
                .append("partner", partner)
                .append("startDate", Date.from(period.startDate().atStartOfDay(ZoneOffset.UTC).toInstant()))
                .append("endDate", Date.from(period.endDate().atStartOfDay(ZoneOffset.UTC).toInstant()))
                .append("people", people);
    }

    /**
     * A year's printed outbound figure as a row of that year ({@code _id} = {@code "<year>:<summaryId>"}): direction
     * OUTBOUND, no programme (so in no group), and {@code courses} besides {@code people}, which a course's row lacks.
     */
    static Document outboundSummary(String summaryId, int year, int courses, int people, List<String> partners) {
        return new Document("_id", year + ":" + summaryId)
                .append("year", year)
                .append("summaryId", summaryId)
                .append("direction", Direction.OUTBOUND.name())
                .append("courses", courses)
                .append("people", people)
                .append("partners", partners);
    }

    /**
     * A KOICA course's consignment commission, a row of its training year beside the course's own ({@code _id}
     * {@code "<year>:<courseId>:commission"}): recorded again, the same document is overwritten. It has no programme or
     * direction, so no group or count takes it.
     */
    static Document commission(CourseId courseId, int year, long amount, LocalDate receivedOn) {
        return new Document("_id", year + ":" + courseId.value() + ":commission")
                .append("year", year)
                .append("courseId", courseId.value())
                .append("commission", amount)
                .append("receivedOn", Date.from(receivedOn.atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    /** Every row of {@code year}: digits and a colon, a plain prefix of {@code _id}, which MongoDB scans by index. */
    static Bson rowsOf(int year) {
        return Filters.regex("_id", "^" + year + ":");
    }

    /** The year from its rows; immutable, since it is cached. */
    static Year year(int year, List<Document> rows) {
        List<Group> groups = new ArrayList<>();
        for (Program program : Program.values()) {
            List<Row> inbound = new ArrayList<>();
            for (Document r : rows) {
                if (program.name().equals(r.getString("program")) && Direction.INBOUND.name().equals(r.getString("direction"))) {
                    inbound.add(new Row(r.getString("courseId"), r.getString("partner"), day(r.getDate("startDate")),
                            day(r.getDate("endDate")), r.getInteger("people")));
                }
            }
            inbound.sort(ROW_ORDER);
            groups.add(new Group(program, program.label(), program.remarks(), inbound.size(),
                    inbound.stream().mapToInt(Row::people).sum(), List.copyOf(inbound)));
        }
        return new Year(year, groups.stream().mapToInt(Group::courses).sum(), groups.stream().mapToInt(Group::people).sum(),
                List.copyOf(groups), outbound(rows), rows.stream().mapToLong(r -> ((Number) r.getOrDefault("commission", 0L)).longValue()).sum());
    }

    private static LocalDate day(Date date) {
        return LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC);
    }

    /** Real outbound courses and the printed outbound figures of the year, together. */
    private static Count outbound(List<Document> rows) {
        int courses = 0;
        int people = 0;
        for (Document r : rows) {
            if (Direction.OUTBOUND.name().equals(r.getString("direction"))) {
                courses += r.getInteger("courses", 1); // a course's row is one course; a printed figure says how many
                people += r.getInteger("people");
            }
        }
        return new Count(courses, people);
    }
}
