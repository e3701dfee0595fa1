package kr.go.gg.training.api;

import java.time.LocalDate;

/** Construction-time checks shared by the value types and commands; each failure names the field. */
public final class Require {

    /** Dates outside this range are typing errors, not training courses. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2099, 12, 31);
    public static final int MAX_TEXT = 200;
    public static final int MAX_LONG_TEXT = 2000;

    private Require() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidValueException(field, "must be given");
        }
        return value;
    }

    public static String text(String value, String field) {
        return text(value, field, MAX_TEXT);
    }

    public static String text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "must not be blank");
        }
        String trimmed = value.strip();
        // characters as people count them: code points, so an emoji (two UTF-16 units) is one
        if (trimmed.codePointCount(0, trimmed.length()) > maxLength) {
            throw new InvalidValueException(field, "must be at most " + maxLength + " characters");
        }
        return trimmed;
    }

    public static LocalDate date(LocalDate value, String field) {
        present(value, field);
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw new InvalidValueException(field, "must lie between " + EARLIEST + " and " + LATEST);
        }
        return value;
    }

    public static int between(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new InvalidValueException(field, "must be between " + min + " and " + max);
        }
        return value;
    }
}
