package kr.go.gg.training.api.cost;

import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Program;
import org.axonframework.serialization.Revision;

/**
 * A cost of a course. Carries what the costs report needs (programme, direction, partner, the training year: the year
 * the training starts), so the report needs no other event and a reader of history sees it in one place.
 */
@Revision("1")
public record CostRecorded(CourseId courseId, String costId, Program program, Direction direction, String partner,
                           int trainingYear, CostCategory category, long amount, Payer paidBy, String note) {
}
