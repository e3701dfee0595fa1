package kr.go.gg.training.api.course;

import kr.go.gg.training.api.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CancelCourse(@TargetAggregateIdentifier CourseId courseId, String reason) {

    public CancelCourse {
        Require.present(courseId, "courseId");
        reason = Require.text(reason, "reason", Require.MAX_LONG_TEXT);
    }
}
