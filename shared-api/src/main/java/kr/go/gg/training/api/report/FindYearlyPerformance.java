package kr.go.gg.training.api.report;

/**
 * Years {@code from}..{@code to} inclusive; either bound may be null (open). {@code fresh}: read from the read model,
 * no cached year (a read-your-writes query: a node that does not process the events caches years for a moment).
 */
public record FindYearlyPerformance(Integer from, Integer to, boolean fresh) {

    public FindYearlyPerformance(Integer from, Integer to) {
        this(from, to, false);
    }

    public FindYearlyPerformance fresh(boolean fresh) {
        return new FindYearlyPerformance(from, to, fresh);
    }
}
