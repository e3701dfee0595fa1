package kr.go.gg.training.api.historical;

import kr.go.gg.training.api.Require;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Enters a course of the printed record as completed, with its headcount and no invented trainees.
 * The id is derived from (programme, direction, partner, start date) so a repeated import is recognised.
 */
public record ImportHistoricalCourse(@TargetAggregateIdentifier CourseId courseId,
                                     Program program,
                                     Direction direction,
                                     String partner,
                                     Period period,
                                     int people,
                                     String source) {

    public static final int MAX_PEOPLE = 10_000;

    public ImportHistoricalCourse {
        Require.present(courseId, "courseId");
        Require.present(program, "program");
        Require.present(direction, "direction");
        partner = Require.text(partner, "partner");
        Require.present(period, "period");
        Require.between(people, 0, MAX_PEOPLE, "people");
        source = source == null || source.isBlank() ? "historical import" : Require.text(source, "source");
    }

    public static CourseId idFor(Program program, Direction direction, String partner, Period period) {
        return CourseId.derivedFrom("historical|" + program + "|" + direction + "|"
                + partner.strip().toLowerCase(java.util.Locale.ROOT) + "|" + period.startDate());
    }
}
