package kr.go.gg.training.api.enrollment;

import kr.go.gg.training.api.course.CourseId;
import org.axonframework.serialization.Revision;

/** {@code enrolled} is the course's headcount after this withdrawal. */
@Revision("1")
public record TraineeWithdrawn(CourseId courseId, TraineeId traineeId, String reason, int enrolled) {
}
