package kr.go.gg.training.api.course;

import kr.go.gg.training.api.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** KOICA stage 4: the province is awarded the consignment, or another institution is. */
public record RecordConsigneeSelection(@TargetAggregateIdentifier CourseId courseId, boolean awarded, LocalDate decidedOn) {

    public RecordConsigneeSelection {
        Require.present(courseId, "courseId");
        Require.date(decidedOn, "decidedOn");
    }
}
