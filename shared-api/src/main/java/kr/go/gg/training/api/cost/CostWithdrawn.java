package kr.go.gg.training.api.cost;

import kr.go.gg.training.api.course.CourseId;
import org.axonframework.serialization.Revision;

/** A recorded cost no longer stands (recorded in error); the record of it stays in the history. */
@Revision("1")
public record CostWithdrawn(CourseId courseId, String costId, int trainingYear, String reason) {
}
