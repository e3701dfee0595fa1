package kr.go.gg.training.query.course;

/**
 * This module's own subscription query: a course's summary with its version (the aggregate sequence number
 * of the last event applied), so a client that got {@code X-Course-Version: N} from a command can wait
 * until the read model has caught up to N. Answered with a {@link CourseAtVersion}, null for no course.
 */
public record WatchCourse(String courseId) {
}
