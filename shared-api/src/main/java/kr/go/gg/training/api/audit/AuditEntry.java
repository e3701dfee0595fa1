package kr.go.gg.training.api.audit;

import java.time.Instant;

/**
 * One event of the audit log: when (the event's timestamp, UTC), who ({@code user} from the event's metadata,
 * null if the event carries none), what ({@code action}: the event type's simple name, e.g. {@code CourseProposed})
 * and on which course or agreement ({@code courseId} / {@code agreementId}, null if the event names none).
 */
public record AuditEntry(Instant timestamp,
                         String user,
                         String action,
                         String courseId,
                         String agreementId,
                         String aggregateType,
                         String aggregateId,
                         Long sequence,
                         String correlationId,
                         String eventId) {
}
