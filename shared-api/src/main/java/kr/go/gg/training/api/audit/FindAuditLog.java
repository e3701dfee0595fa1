package kr.go.gg.training.api.audit;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import kr.go.gg.training.api.InvalidValueException;

/**
 * The audit log's query (answered by course-query's audit projection): who did what from {@code from} to
 * {@code to} (UTC days, both inclusive, at most {@link #MAX_DAYS} days), by one {@code user} or, when it is null
 * or blank, by everybody. Answered with an {@link AuditLog} of {@link AuditEntry}s, oldest first. Invalid input throws
 * {@link InvalidValueException} (HTTP 400 naming the field).
 */
public record FindAuditLog(String user, LocalDate from, LocalDate to) {

    /** The longest range one query may ask for: one lookup per day on the wire server. */
    public static final int MAX_DAYS = 366;

    public FindAuditLog {
        user = user == null || user.isBlank() ? null : user;
        if (from == null) {
            throw new InvalidValueException("from", "must be given");
        }
        if (to == null) {
            throw new InvalidValueException("to", "must be given");
        }
        if (from.isAfter(to)) {
            throw new InvalidValueException("from", "must not be after to (" + to + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new InvalidValueException("to", "must be at most " + MAX_DAYS + " days after from, both inclusive ("
                    + from + " .. " + to + " is " + (ChronoUnit.DAYS.between(from, to) + 1) + " days)");
        }
    }
}
