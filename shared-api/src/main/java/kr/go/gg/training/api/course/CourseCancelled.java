package kr.go.gg.training.api.course;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CourseCancelled(CourseId courseId, String reason, CourseStatus cancelledIn) {
}
