package kr.go.gg.training.api.report;

import java.time.Instant;

/**
 * The report of years {@code from}..{@code to} (inclusive, either open) as it stood at {@code asOf}: folded from the
 * events up to that instant by the report's own event handlers, not read from the live read model.
 */
public record FindYearlyPerformanceAsOf(Integer from, Integer to, Instant asOf) {
}
