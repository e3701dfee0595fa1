package kr.go.gg.training.query.platform.page;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Dates as a Korean office writes them: {@code 2016. 5. 9.} (year, month and day each followed by a full stop, no
 * leading zeros), a period {@code 2016. 6. 29. ~ 7. 12.} (the year once when both ends share it), instants in Seoul
 * time. The pages call it as {@code @koreanDates}.
 */
@Component("koreanDates")
public class KoreanDates {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    public String date(LocalDate date) {
        return date == null ? "" : date.getYear() + ". " + date.getMonthValue() + ". " + date.getDayOfMonth() + ".";
    }

    public String period(LocalDate start, LocalDate end) {
        if (start == null || end == null) {
            return "";
        }
        String to = start.getYear() == end.getYear()
                ? end.getMonthValue() + ". " + end.getDayOfMonth() + "."
                : date(end);
        return date(start) + " ~ " + to;
    }

    /** A date as the read models' JSON writes it ({@code 2016-06-29}), or empty. */
    public String date(String iso) {
        return iso == null || iso.isBlank() ? "" : date(LocalDate.parse(iso));
    }

    public String period(String start, String end) {
        return start == null || end == null ? "" : period(LocalDate.parse(start), LocalDate.parse(end));
    }

    public String instant(Instant instant) {
        if (instant == null) {
            return "";
        }
        var local = instant.atZone(SEOUL);
        return date(local.toLocalDate()) + " " + TIME.format(local);
    }
}
