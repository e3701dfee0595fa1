package kr.go.gg.training.api.curriculum;

import java.time.LocalDate;

/** One session of a course's curriculum as GET /api/courses/{id} shows it (docs/api.md). */
public record CourseSession(String sessionId, SessionKind kind, String title, LocalDate date) {
}
