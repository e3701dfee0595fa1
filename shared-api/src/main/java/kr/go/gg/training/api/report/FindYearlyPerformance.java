package kr.go.gg.training.api.report;

/** Years {@code from}..{@code to} inclusive; either bound may be null (open). */
public record FindYearlyPerformance(Integer from, Integer to) {
}
