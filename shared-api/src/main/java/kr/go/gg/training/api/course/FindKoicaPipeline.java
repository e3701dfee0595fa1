package kr.go.gg.training.api.course;

import java.time.LocalDate;
import java.time.ZoneId;

/** KOICA courses of one training year, grouped by stage, each marked by KOICA's calendar as of {@code asOf} (a day). */
public record FindKoicaPipeline(int year, LocalDate asOf) {

    public FindKoicaPipeline {
        asOf = asOf == null ? LocalDate.now(ZoneId.of("Asia/Seoul")) : asOf;
    }

    /** As of today in Seoul. */
    public FindKoicaPipeline(int year) {
        this(year, null);
    }
}
