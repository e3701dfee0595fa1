package kr.go.gg.training.api.cost;

import java.time.LocalDate;

import kr.go.gg.training.api.Require;
import kr.go.gg.training.api.course.CourseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The consignment commission KOICA paid for a course: the province's non-tax revenue. */
public record RecordCommission(@TargetAggregateIdentifier CourseId courseId, long amount, LocalDate receivedOn) {

    public RecordCommission {
        Require.present(courseId, "courseId");
        Won.amount(amount, "amount");
        Require.date(receivedOn, "receivedOn");
    }
}
