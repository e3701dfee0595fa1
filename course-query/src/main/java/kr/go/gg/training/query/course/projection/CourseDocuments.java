package kr.go.gg.training.query.course.projection;

import java.time.LocalDate;
import java.util.Comparator;
import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.api.course.CourseSummary;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Program;
import org.bson.Document;

/** Reads the summary documents written by {@link CourseListingProjection}. */
public final class CourseDocuments {

    /** Listing order: by year, then training start (unscheduled last), then title. */
    public static final Comparator<Document> LISTING_ORDER = Comparator
            .comparing((Document d) -> d.getInteger("year"), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(d -> d.getString("startDate"), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(d -> d.getString("title"), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(d -> d.getString("_id"));

    private CourseDocuments() {
    }

    public static CourseSummary toSummary(Document d) {
        return new CourseSummary(
                d.getString("_id"),
                d.getString("title"),
                Program.valueOf(d.getString("program")),
                Direction.valueOf(d.getString("direction")),
                d.getString("partner"),
                CourseStatus.valueOf(d.getString("status")),
                d.getInteger("capacity", 0),
                d.getInteger("enrolled", 0),
                date(d.getString("startDate")),
                date(d.getString("endDate")));
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
