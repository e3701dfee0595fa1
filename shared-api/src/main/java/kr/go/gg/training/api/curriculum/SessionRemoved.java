package kr.go.gg.training.api.curriculum;

import kr.go.gg.training.api.course.CourseId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record SessionRemoved(CourseId courseId, String sessionId, String reason) {
}
