package kr.go.gg.training.api.enrollment;

import kr.go.gg.training.api.course.CourseId;
import org.axonframework.serialization.Revision;

/** {@code enrolled} is the course's headcount after this enrolment. */
@Revision("1")
public record TraineeEnrolled(CourseId courseId, TraineeId traineeId, Trainee trainee, int enrolled) {
}
