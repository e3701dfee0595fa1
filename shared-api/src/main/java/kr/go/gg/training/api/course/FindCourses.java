package kr.go.gg.training.api.course;

/**
 * Every filter is optional; {@code year} is the year of the training start (or of the planned training). Answered
 * with {@link CourseSummaries} (ask with {@code instanceOf}).
 */
public record FindCourses(Integer year, Program program, CourseStatus status) {
}
