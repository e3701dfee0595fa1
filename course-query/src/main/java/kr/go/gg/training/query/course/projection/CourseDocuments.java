package kr.go.gg.training.query.course.projection;

import com.mongodb.client.model.Filters;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import kr.go.gg.training.api.cost.CostCategory;
import kr.go.gg.training.api.cost.CourseCommission;
import kr.go.gg.training.api.cost.CourseCost;
import kr.go.gg.training.api.cost.Payer;
import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.api.course.CourseSummary;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Program;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Reads the summary documents written by {@link CourseListingProjection}, and writes and reads its year rows: one
 * document per listed course, {@code _id} = {@code "<year>:<courseId>"} with the year and the course id as fields and
 * the dates as BSON dates (UTC midnight), so a year's rows are one anchored regular expression on {@code _id}: the
 * {@code _id} index on MongoDB and on the wire server (which ignores other indexes), and no document grows with the
 * number of courses.
 */
public final class CourseDocuments {

    /** Listing order: by year, then training start (unscheduled last), then title. */
    public static final Comparator<Document> LISTING_ORDER = Comparator
            .comparing((Document d) -> d.getInteger("year"), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(d -> d.getString("startDate"), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(d -> d.getString("title"), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(d -> d.getString("_id"));

    /** The listing order of the rows of one year: training start (unscheduled last), then title, then id. */
    public static final Comparator<Document> ROW_ORDER = Comparator
            .comparing((Document d) -> d.getDate("startDate"), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(d -> d.getString("title"), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(d -> d.getString("courseId"));

    private CourseDocuments() {
    }

    public static CourseSummary toSummary(Document d) {
        return summary(d, d.getString("_id"), date(d.getString("startDate")), date(d.getString("endDate")));
    }

    /** One course as GET /api/courses/{id} answers it: the summary with its curriculum, standing costs and commission. */
    public static CourseSummary toDetail(Document d) {
        CourseSummary s = toSummary(d);
        List<CourseCost> costs = d.getList("costs", Document.class, List.of()).stream()
                .map(c -> new CourseCost(c.getString("costId"), CostCategory.valueOf(c.getString("category")),
                        c.getLong("amount"), Payer.valueOf(c.getString("paidBy")), c.getString("note")))
                .toList();
        Document commission = d.get("commission", Document.class);
        return s.withSessions(Curricula.of(d)).withCosts(costs, commission == null ? null
                : new CourseCommission(commission.getLong("amount"), LocalDate.parse(commission.getString("receivedOn"))));
    }

    /** The {@code _id} of a course's row in a year. */
    public static String rowId(int year, String courseId) {
        return year + ":" + courseId;
    }

    /** Every row of {@code year}: a prefix of {@code _id}. */
    public static Bson rowsOf(int year) {
        return Filters.regex("_id", "^" + year + ":"); // digits and a colon: a plain prefix, which MongoDB scans by index
    }

    /** The course's row in {@code year}, from its summary. */
    static Document row(Document course, int year) {
        String id = course.getString("_id");
        Document row = new Document("_id", rowId(year, id)).append("year", year).append("courseId", id);
        for (String field : new String[] {"title", "program", "direction", "partner", "status", "capacity", "enrolled"}) {
            row.append(field, course.get(field));
        }
        String start = course.getString("startDate");
        if (start != null) {
            row.append("startDate", bsonDate(start)).append("endDate", bsonDate(course.getString("endDate")));
        }
        return row;
    }

    public static CourseSummary rowToSummary(Document r) {
        return summary(r, r.getString("courseId"), localDate(r.getDate("startDate")), localDate(r.getDate("endDate")));
    }

    /** A summary document or a row: the same fields but the id and the dates' type. */
    private static CourseSummary summary(Document d, String courseId, LocalDate start, LocalDate end) {
        return new CourseSummary(courseId, d.getString("title"), Program.valueOf(d.getString("program")),
                Direction.valueOf(d.getString("direction")), d.getString("partner"),
                CourseStatus.valueOf(d.getString("status")), d.getInteger("capacity", 0), d.getInteger("enrolled", 0),
                start, end);
    }

    private static Date bsonDate(String text) {
        return Date.from(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC);
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
