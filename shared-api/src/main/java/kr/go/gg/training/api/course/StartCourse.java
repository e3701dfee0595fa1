package kr.go.gg.training.api.course;

import kr.go.gg.training.api.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record StartCourse(@TargetAggregateIdentifier CourseId courseId) {

    public StartCourse {
        Require.present(courseId, "courseId");
    }
}
