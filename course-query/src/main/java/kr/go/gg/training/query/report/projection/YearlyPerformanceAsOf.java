package kr.go.gg.training.query.report.projection;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import kr.go.gg.training.api.report.FindYearlyPerformanceAsOf;
import kr.go.gg.training.api.report.YearlyPerformanceReport;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import kr.go.gg.training.query.platform.readmodel.ReadModelFolds;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The yearly report as it stood at an instant: the events up to it folded by {@link YearlyPerformanceProjection}'s
 * own handlers into a throwaway database ({@link ReadModelFolds}) and read back by its own reading code, so whatever
 * the live report counts, this counts too. Answered asynchronously (the fold runs on a thread of its own). The whole
 * report of an instant that can no longer change ({@link ReadModelFolds#settled}) is kept for later askers, at most
 * {@code course.query.as-of.cache-size} (16) instants per node, least recently used dropped; asking for one being
 * folded joins that fold.
 */
@Component
public class YearlyPerformanceAsOf {

    private final YearlyPerformanceProjection projection;
    private final ReadModelFolds folds;
    private final AsyncCache<Instant, YearlyPerformanceReport> settled;

    public YearlyPerformanceAsOf(YearlyPerformanceProjection projection, ReadModelFolds folds,
                                 @Value("${course.query.as-of.cache-size:16}") int cacheSize) {
        this.projection = projection;
        this.folds = folds;
        this.settled = Caffeine.newBuilder().maximumSize(cacheSize).buildAsync();
    }

    @QueryHandler
    public CompletableFuture<YearlyPerformanceReport> handle(FindYearlyPerformanceAsOf query) {
        Instant asOf = query.asOf();
        CompletableFuture<YearlyPerformanceReport> whole = folds.settled(asOf)
                ? settled.get(asOf, (instant, executor) -> fold(instant))
                : fold(asOf);
        return whole.thenApply(report -> report.within(query.from(), query.to()));
    }

    private CompletableFuture<YearlyPerformanceReport> fold(Instant asOf) {
        return folds.fold(ProcessingGroups.YEARLY_PERFORMANCE, asOf, projection::reportIn);
    }
}
