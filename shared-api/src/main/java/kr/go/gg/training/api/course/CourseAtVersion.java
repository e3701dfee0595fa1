package kr.go.gg.training.api.course;

/** The answer to {@link WatchCourse}: the course's summary and the aggregate sequence number it has applied. */
public record CourseAtVersion(CourseSummary summary, long version) {
}
