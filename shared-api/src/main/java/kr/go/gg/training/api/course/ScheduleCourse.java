package kr.go.gg.training.api.course;

import kr.go.gg.training.api.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets (or, while still scheduled, moves) the training period; enrolment opens. */
public record ScheduleCourse(@TargetAggregateIdentifier CourseId courseId, Period period) {

    public ScheduleCourse {
        Require.present(courseId, "courseId");
        Require.present(period, "period");
    }
}
