package kr.go.gg.training.query.report.projection;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import kr.go.gg.training.api.report.FindYearlyPerformance;
import kr.go.gg.training.api.report.YearlyPerformanceReport;
import kr.go.gg.training.query.platform.readmodel.OpenSubscriptions;
import kr.go.gg.training.query.platform.readmodel.ReadModelClaim;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;

/**
 * The live report: after each batch that changed a year, the changed years leave the cache and the whole report goes
 * to the {@link FindYearlyPerformance} subscribers whose range includes one of them (they cut it to their range with
 * {@link YearlyPerformanceReport#within}); it is assembled only when such a subscriber is open on this node. With
 * several segments the update is read whole from MongoDB, never from the cache: a year's rows come from every segment,
 * and this node's commits are only some of them.
 */
final class ReportUpdates {

    private final YearCache cache;
    private final QueryUpdateEmitter emitter;
    private final ReadModelClaim claim;

    ReportUpdates(YearCache cache, QueryUpdateEmitter emitter, ReadModelClaim claim) {
        this.cache = cache;
        this.emitter = emitter;
        this.claim = claim;
    }

    /** Notes that this batch changed {@code year}: its subscribers get the new report once the batch has committed. */
    void changed(int year) {
        changedYears().add(year);
    }

    private Set<Integer> changedYears() {
        UnitOfWork<?> uow = CurrentUnitOfWork.get().root();
        return uow.getOrComputeResource("yearly-performance-changes", k -> {
            Set<Integer> changed = new HashSet<>();
            uow.afterCommit(u -> {
                cache.invalidate(changed); // the bulk write has committed (flushed before commit): re-read these years
                Predicate<FindYearlyPerformance> watching =
                        q -> changed.stream().anyMatch(y -> YearlyPerformanceReport.inRange(y, q.from(), q.to()));
                if (!OpenSubscriptions.any(emitter, FindYearlyPerformance.class, watching)) {
                    return; // nobody here watches these years: no report is assembled (the next query reads them)
                }
                // several segments: the other years' rows (and this year's rows of other segments' courses) are
                // written by other threads or nodes, whose commits never reach this cache: the update is read whole
                YearlyPerformanceReport all = cache.report(null, null, claim.isSeveralSegments());
                emitter.emit(FindYearlyPerformance.class, watching, all);
            });
            return changed;
        });
    }
}
