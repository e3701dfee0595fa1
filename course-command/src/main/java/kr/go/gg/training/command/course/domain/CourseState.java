package kr.go.gg.training.command.course.domain;

import java.time.LocalDate;

import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;

/** A course's state as folded from its events; {@code lastStageDate} is the date of the latest KOICA stage. */
public record CourseState(CourseId courseId, Program program, Direction direction, String partner, int capacity,
                          CourseStatus status, LocalDate lastStageDate, Period period, int enrolled) {
}
