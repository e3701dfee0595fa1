package kr.go.gg.training.query.pipeline.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import kr.go.gg.training.api.InvalidValueException;

/**
 * The day the pipeline's {@code overdue} is judged on: {@code asOf} as a date ({@code 2016-02-11}) or an instant with
 * its offset ({@code 2016-02-10T16:00:00Z}, taken as the day it was in Seoul, where the office keeps its calendar);
 * without it, today in Seoul by the given clock.
 */
final class AsOfDay {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private AsOfDay() {
    }

    static LocalDate of(String asOf, Clock clock) {
        if (asOf == null) {
            return LocalDate.now(clock.withZone(SEOUL));
        }
        try {
            return asOf.length() == 10 ? LocalDate.parse(asOf)
                    : OffsetDateTime.parse(asOf).atZoneSameInstant(SEOUL).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("asOf", "must be a date (2016-02-11) or an instant with its offset"
                    + " (2016-02-10T16:00:00Z)");
        }
    }
}
