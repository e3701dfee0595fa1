package kr.go.gg.training.api.cost;

import kr.go.gg.training.api.Require;
import kr.go.gg.training.api.course.CourseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records one cost of a course; {@code note} is optional. */
public record RecordCost(@TargetAggregateIdentifier CourseId courseId, String costId, CostCategory category,
                         long amount, Payer paidBy, String note) {

    public RecordCost {
        Require.present(courseId, "courseId");
        Require.present(costId, "costId");
        Require.present(category, "category");
        Won.amount(amount, "amount");
        Require.present(paidBy, "paidBy");
        note = note == null ? null : Require.text(note, "note", Require.MAX_LONG_TEXT);
    }
}
