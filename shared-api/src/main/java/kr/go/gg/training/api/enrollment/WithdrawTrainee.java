package kr.go.gg.training.api.enrollment;

import kr.go.gg.training.api.Require;
import kr.go.gg.training.api.course.CourseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record WithdrawTrainee(@TargetAggregateIdentifier CourseId courseId, TraineeId traineeId, String reason) {

    public WithdrawTrainee {
        Require.present(courseId, "courseId");
        Require.present(traineeId, "traineeId");
        reason = Require.text(reason, "reason", Require.MAX_LONG_TEXT);
    }
}
