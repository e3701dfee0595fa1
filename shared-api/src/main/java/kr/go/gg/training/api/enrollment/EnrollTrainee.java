package kr.go.gg.training.api.enrollment;

import kr.go.gg.training.api.Require;
import kr.go.gg.training.api.course.CourseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record EnrollTrainee(@TargetAggregateIdentifier CourseId courseId, TraineeId traineeId, Trainee trainee) {

    public EnrollTrainee {
        Require.present(courseId, "courseId");
        Require.present(traineeId, "traineeId");
        Require.present(trainee, "trainee");
    }
}
