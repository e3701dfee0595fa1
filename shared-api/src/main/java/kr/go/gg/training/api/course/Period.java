package kr.go.gg.training.api.course;

import kr.go.gg.training.api.InvalidValueException;
import kr.go.gg.training.api.Require;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A training period: both days inclusive, the end not before the start, at most a year long. */
public record Period(LocalDate startDate, LocalDate endDate) {

    public static final int MAX_DAYS = 366;

    public Period {
        Require.date(startDate, "startDate");
        Require.date(endDate, "endDate");
        if (endDate.isBefore(startDate)) {
            throw new InvalidValueException("endDate", "must not be before startDate " + startDate);
        }
        if (ChronoUnit.DAYS.between(startDate, endDate) >= MAX_DAYS) {
            throw new InvalidValueException("endDate", "must be within " + MAX_DAYS + " days of startDate");
        }
    }

    /** Courses count in the year their training starts (docs/domain.md). */
    public int year() {
        return startDate.getYear();
    }
}
