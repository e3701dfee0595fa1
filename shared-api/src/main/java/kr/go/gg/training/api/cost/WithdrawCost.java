package kr.go.gg.training.api.cost;

import kr.go.gg.training.api.Require;
import kr.go.gg.training.api.course.CourseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraws a cost recorded in error: the correcting record an auditor reads beside the first, never an edit. */
public record WithdrawCost(@TargetAggregateIdentifier CourseId courseId, String costId, String reason) {

    public WithdrawCost {
        Require.present(courseId, "courseId");
        Require.present(costId, "costId");
        reason = Require.text(reason, "reason", Require.MAX_LONG_TEXT);
    }
}
