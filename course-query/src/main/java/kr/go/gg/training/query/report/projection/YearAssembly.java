package kr.go.gg.training.query.report.projection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.report.YearlyPerformanceReport.Count;
import kr.go.gg.training.api.report.YearlyPerformanceReport.Group;
import kr.go.gg.training.api.report.YearlyPerformanceReport.Row;
import kr.go.gg.training.api.report.YearlyPerformanceReport.Year;
import org.bson.Document;

/**
 * The yearly report's rows as stored, and a year of the report assembled from them: pure, no database. Totals, group
 * counts and the outbound count are computed from the rows, never stored.
 */
final class YearAssembly {

    private static final Comparator<Row> ROW_ORDER = Comparator.comparing(Row::startDate)
            .thenComparing(Row::partner).thenComparing(Row::courseId);

    private YearAssembly() {
    }

    /** One completed course's row of a year document's {@code rows}. */
    static Document row(Program program, Direction direction, String partner, Period period, int people) {
        return new Document("program", program.name())
                .append("direction", direction.name())
                .append("partner", partner)
                .append("startDate", period.startDate().toString())
                .append("endDate", period.endDate().toString())
                .append("people", people);
    }

    /** The year from its rows (course id -> row); immutable, since it is cached. */
    static Year year(int year, Document rows) {
        List<Group> groups = new ArrayList<>();
        for (Program program : Program.values()) {
            List<Row> inbound = new ArrayList<>();
            for (String courseId : rows.keySet()) {
                Document r = rows.get(courseId, Document.class);
                if (program.name().equals(r.getString("program")) && Direction.INBOUND.name().equals(r.getString("direction"))) {
                    inbound.add(new Row(courseId, r.getString("partner"), LocalDate.parse(r.getString("startDate")),
                            LocalDate.parse(r.getString("endDate")), r.getInteger("people")));
                }
            }
            inbound.sort(ROW_ORDER);
            groups.add(new Group(program, program.label(), program.remarks(), inbound.size(),
                    inbound.stream().mapToInt(Row::people).sum(), List.copyOf(inbound)));
        }
        return new Year(year, groups.stream().mapToInt(Group::courses).sum(), groups.stream().mapToInt(Group::people).sum(),
                List.copyOf(groups), outbound(rows));
    }

    private static Count outbound(Document rows) {
        int courses = 0;
        int people = 0;
        for (String courseId : rows.keySet()) {
            Document r = rows.get(courseId, Document.class);
            if (Direction.OUTBOUND.name().equals(r.getString("direction"))) {
                courses++;
                people += r.getInteger("people");
            }
        }
        return new Count(courses, people);
    }
}
