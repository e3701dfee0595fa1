package kr.go.gg.training.api.course;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Another institution won the consignment: a terminal exit. */
@Revision("1")
public record ConsigneeNotAwarded(CourseId courseId, LocalDate decidedOn) {
}
