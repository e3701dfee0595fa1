package kr.go.gg.training.api.course;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import kr.go.gg.training.api.curriculum.CourseSession;

/**
 * One course as dashboards list it (docs/api.md: GET /api/courses). Dates are null until scheduled. {@code sessions}:
 * the curriculum by date, answered for one course (GET /api/courses/{id}, its stream) and null (left out) in lists.
 */
public record CourseSummary(String courseId,
                            String title,
                            Program program,
                            Direction direction,
                            String partner,
                            CourseStatus status,
                            int capacity,
                            int enrolled,
                            LocalDate startDate,
                            LocalDate endDate,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<CourseSession> sessions) {

    public CourseSummary {
        sessions = sessions == null ? null : List.copyOf(sessions);
    }

    /** A course as a list shows it: without its curriculum. */
    public CourseSummary(String courseId, String title, Program program, Direction direction, String partner,
                         CourseStatus status, int capacity, int enrolled, LocalDate startDate, LocalDate endDate) {
        this(courseId, title, program, direction, partner, status, capacity, enrolled, startDate, endDate, null);
    }

    /** This course with its curriculum. */
    public CourseSummary withSessions(List<CourseSession> curriculum) {
        return new CourseSummary(courseId, title, program, direction, partner, status, capacity, enrolled, startDate,
                endDate, curriculum);
    }
}
