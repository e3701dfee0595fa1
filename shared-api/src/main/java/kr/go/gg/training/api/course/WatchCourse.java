package kr.go.gg.training.api.course;

/**
 * A subscription query of course-query (its read-your-writes and course streams): a course's summary with its version (the aggregate sequence number
 * of the last event applied), so a client that got {@code X-Course-Version: N} from a command can wait
 * until the read model has caught up to N. Answered with a {@link CourseAtVersion}, null for no course.
 */
public record WatchCourse(String courseId) {
}
