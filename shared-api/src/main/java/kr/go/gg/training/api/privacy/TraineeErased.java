package kr.go.gg.training.api.privacy;

import java.time.Instant;

import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.enrollment.TraineeId;
import org.axonframework.serialization.Revision;

/**
 * The trainee's key was destroyed: from here on the sealed personal data of its enrolment opens for nobody. The
 * record of the destruction (who, when, why) and nothing personal: {@code by} is a user name or
 * {@link EraseTrainee#BY_RETENTION}.
 */
@Revision("1")
public record TraineeErased(CourseId courseId, TraineeId traineeId, Instant erasedAt, String by, String reason) {
}
