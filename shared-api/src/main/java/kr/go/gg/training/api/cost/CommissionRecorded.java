package kr.go.gg.training.api.cost;

import java.time.LocalDate;

import kr.go.gg.training.api.course.CourseId;
import org.axonframework.serialization.Revision;

/**
 * The consignment commission of a KOICA course, counted in the course's training year (the year its training starts,
 * as every figure of the yearly report). A later one for the same course replaces it (a correction, kept in history).
 */
@Revision("1")
public record CommissionRecorded(CourseId courseId, long amount, LocalDate receivedOn, int trainingYear) {
}
