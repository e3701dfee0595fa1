package kr.go.gg.training.api.course;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** KOICA did not select the course: a terminal exit. */
@Revision("1")
public record CourseRejected(CourseId courseId, LocalDate decidedOn) {
}
