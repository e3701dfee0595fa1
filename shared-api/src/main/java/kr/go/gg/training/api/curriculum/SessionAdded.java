package kr.go.gg.training.api.curriculum;

import java.time.LocalDate;

import kr.go.gg.training.api.course.CourseId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record SessionAdded(CourseId courseId, String sessionId, SessionKind kind, String title, LocalDate date) {
}
