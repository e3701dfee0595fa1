package kr.go.gg.training.api.course;

import java.time.LocalDate;

/** One course as dashboards list it (docs/api.md: GET /api/courses). Dates are null until scheduled. */
public record CourseSummary(String courseId,
                            String title,
                            Program program,
                            Direction direction,
                            String partner,
                            CourseStatus status,
                            int capacity,
                            int enrolled,
                            LocalDate startDate,
                            LocalDate endDate) {
}
