package kr.go.gg.training.api.cost;

import java.time.LocalDate;

/** A KOICA course's consignment commission as last recorded (GET /api/courses/{id}). */
public record CourseCommission(long amount, LocalDate receivedOn) {
}
