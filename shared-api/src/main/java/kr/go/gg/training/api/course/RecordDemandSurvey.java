package kr.go.gg.training.api.course;

import kr.go.gg.training.api.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** KOICA stage 1: the demand survey in the target country. */
public record RecordDemandSurvey(@TargetAggregateIdentifier CourseId courseId, LocalDate surveyedOn) {

    public RecordDemandSurvey {
        Require.present(courseId, "courseId");
        Require.date(surveyedOn, "surveyedOn");
    }
}
