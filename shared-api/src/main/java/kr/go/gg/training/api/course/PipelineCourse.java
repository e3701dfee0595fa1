package kr.go.gg.training.api.course;

import java.time.LocalDate;

/**
 * A course on the KOICA pipeline board: its summary's fields, and by KOICA's calendar the step it waits for
 * ({@code nextStep}, null when none), the date that step is due ({@code due}, null when the calendar sets none) and
 * whether it is {@code overdue} as of the day asked for.
 */
public record PipelineCourse(String courseId, String title, Program program, Direction direction, String partner,
                             CourseStatus status, int capacity, int enrolled, LocalDate startDate, LocalDate endDate,
                             NextStep nextStep, LocalDate due, boolean overdue) {

    public static PipelineCourse of(CourseSummary c, NextStep nextStep, LocalDate due, boolean overdue) {
        return new PipelineCourse(c.courseId(), c.title(), c.program(), c.direction(), c.partner(), c.status(),
                c.capacity(), c.enrolled(), c.startDate(), c.endDate(), nextStep, due, overdue);
    }
}
