package kr.go.gg.training.api.course;

import kr.go.gg.training.api.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CompleteCourse(@TargetAggregateIdentifier CourseId courseId) {

    public CompleteCourse {
        Require.present(courseId, "courseId");
    }
}
