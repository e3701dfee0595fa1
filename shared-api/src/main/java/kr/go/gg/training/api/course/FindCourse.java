package kr.go.gg.training.api.course;

/** Answers the course's summary, or null when no course has that id. */
public record FindCourse(String courseId) {
}
