package kr.go.gg.training.api.course;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record CourseSelected(CourseId courseId, LocalDate decidedOn) {
}
