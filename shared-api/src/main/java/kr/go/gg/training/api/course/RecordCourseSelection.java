package kr.go.gg.training.api.course;

import kr.go.gg.training.api.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** KOICA stage 2: KOICA selects the training course, or rejects it. */
public record RecordCourseSelection(@TargetAggregateIdentifier CourseId courseId, boolean selected, LocalDate decidedOn) {

    public RecordCourseSelection {
        Require.present(courseId, "courseId");
        Require.date(decidedOn, "decidedOn");
    }
}
