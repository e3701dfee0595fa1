package kr.go.gg.training.api.privacy;

import kr.go.gg.training.api.Require;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.enrollment.TraineeId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Destroys a trainee's personal data (PIPA Art. 21): on request ({@code by} the user) or when the retention period
 * has run out ({@code by} {@value #BY_RETENTION}).
 */
public record EraseTrainee(@TargetAggregateIdentifier CourseId courseId, TraineeId traineeId, String reason, String by) {

    /** The {@code by} of the scheduled erasure at the end of the retention period. */
    public static final String BY_RETENTION = "retention";

    public EraseTrainee {
        Require.present(courseId, "courseId");
        Require.present(traineeId, "traineeId");
        reason = Require.text(reason, "reason", Require.MAX_LONG_TEXT);
        by = Require.text(by, "by");
    }
}
