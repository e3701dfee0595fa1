package kr.go.gg.training.api.course;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import kr.go.gg.training.api.cost.CourseCommission;
import kr.go.gg.training.api.cost.CourseCost;
import kr.go.gg.training.api.curriculum.CourseSession;

/**
 * One course as dashboards list it (docs/api.md: GET /api/courses). Dates are null until scheduled. The detail of one
 * course (GET /api/courses/{id}, its stream) also answers {@code sessions} (the curriculum by date), {@code costs} (the
 * standing ones, in the order recorded) and, once recorded, {@code commission}; a listing leaves them out (null, not
 * written).
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
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<CourseSession> sessions,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<CourseCost> costs,
                            @JsonInclude(JsonInclude.Include.NON_NULL) CourseCommission commission) {

    public CourseSummary {
        sessions = sessions == null ? null : List.copyOf(sessions);
        costs = costs == null ? null : List.copyOf(costs);
    }

    /** A course as a list shows it: without its curriculum and costs. */
    public CourseSummary(String courseId, String title, Program program, Direction direction, String partner,
                         CourseStatus status, int capacity, int enrolled, LocalDate startDate, LocalDate endDate) {
        this(courseId, title, program, direction, partner, status, capacity, enrolled, startDate, endDate, null, null,
                null);
    }

    /** This course with its curriculum. */
    public CourseSummary withSessions(List<CourseSession> curriculum) {
        return new CourseSummary(courseId, title, program, direction, partner, status, capacity, enrolled, startDate,
                endDate, curriculum, costs, commission);
    }

    /** This course with its standing costs and its commission (null: none recorded). */
    public CourseSummary withCosts(List<CourseCost> standing, CourseCommission received) {
        return new CourseSummary(courseId, title, program, direction, partner, status, capacity, enrolled, startDate,
                endDate, sessions, standing, received);
    }
}
