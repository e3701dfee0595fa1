package kr.go.gg.training.api.course;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import kr.go.gg.training.api.cost.CourseCost;
import kr.go.gg.training.api.cost.CourseCommission;

/**
 * One course as dashboards list it (docs/api.md: GET /api/courses). Dates are null until scheduled. {@code costs} (the
 * standing ones, in the order recorded) and {@code commission} are answered for one course (GET /api/courses/{id});
 * a listing leaves them out (null, not written).
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
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<CourseCost> costs,
                            @JsonInclude(JsonInclude.Include.NON_NULL) CourseCommission commission) {

    /** A course as a listing answers it: no costs. */
    public CourseSummary(String courseId, String title, Program program, Direction direction, String partner,
                         CourseStatus status, int capacity, int enrolled, LocalDate startDate, LocalDate endDate) {
        this(courseId, title, program, direction, partner, status, capacity, enrolled, startDate, endDate, null, null);
    }
}
