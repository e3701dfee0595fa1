package kr.go.gg.training.query.report.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import kr.go.gg.training.api.report.YearlyPerformanceReport.Year;
import kr.go.gg.training.api.report.YearlyPerformanceReport;
import kr.go.gg.training.query.platform.readmodel.ReadModelClaim;
import org.bson.Document;

/**
 * The yearly report as answered: each assembled {@link Year} cached in memory (filled on read). Which years exist
 * always comes from Mongo (the small per-year documents that list them, no rows decoded); only the rows of years
 * missing from the cache, or older than {@link #CACHE_TTL_NANOS}, are read (one {@code _id} prefix each) and assembled. Changed years are dropped ({@link #invalidate})
 * after the processor's batch has committed; a reset drops everything. Why a TTL as well: the processors' tokens are
 * in the shared {@code trackingtokens} collection beside the read models, so when several query nodes share one
 * read-model database only the node holding the token claim writes the report, and the other nodes never see those
 * commits; their cached years are then at most {@link #CACHE_TTL_NANOS} (1 s) stale. A year read while this node held
 * the claim, which it has held since ({@link ReadModelClaim}), needs no TTL: every change reached it through this
 * node's commits (the TTL made a re-read of some year about every 100 ms under steady queries, which set the report's
 * p99, docs/benchmarks.md); so does the list of year documents, until a local commit adds a year: a query then makes
 * no round trip at all.
 * <p>
 * With several segments ({@link ReadModelClaim#isSeveralSegments()}) no year is trusted beyond the TTL.
 */
final class YearCache {

    /** How long a cached year may be used without re-reading it (bounds staleness for other nodes' writes). */
    static final long CACHE_TTL_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** The live generation's collections (they change when a rebuild switches: docs/design.md). */
    private final Supplier<MongoCollection<Document>> rows;
    private final Supplier<MongoCollection<Document>> years;
    private volatile MongoCollection<Document> cachedFrom;
    private final LongSupplier nanoTime;
    private final ReadModelClaim claim;
    /** Assembled years by year, with the time they were read. */
    private final Map<Integer, Cached> cache = new ConcurrentHashMap<>();
    /**
     * Bumped before every invalidation. A reader that started before an invalidation may have read the old
     * document; it puts its year, then re-checks the epoch and removes its own entry if it moved, so a stale
     * year never outlives an invalidation that raced with it.
     */
    private final AtomicLong epoch = new AtomicLong();
    private volatile YearList yearList;

    /** {@code claimEpoch}: the claim's epoch when the year was read (exact while the claim stays held since). */
    private record Cached(Year year, long readAt, long claimEpoch) {
    }

    /** The year documents that exist, as listed at {@code claimEpoch} (trusted while the claim stays held). */
    private record YearList(Set<Integer> years, long claimEpoch) {
    }

    YearCache(Supplier<MongoCollection<Document>> rows, Supplier<MongoCollection<Document>> years,
              LongSupplier nanoTime, ReadModelClaim claim) {
        this.rows = rows;
        this.years = years;
        this.nanoTime = nanoTime;
        this.claim = claim;
    }

    /** Drops the given years from the cache, or all of it for {@code null}. */
    void invalidate(Set<Integer> changed) {
        epoch.incrementAndGet();
        YearList known = yearList;
        if (changed == null) {
            cache.clear();
            yearList = null;
        } else {
            changed.forEach(cache::remove);
            if (known != null && !known.years().containsAll(changed)) {
                yearList = null; // a new year document: list them again
            }
        }
    }

    /** {@code fresh}: every year read from MongoDB, nothing taken from the cache (which the reads refill). */
    YearlyPerformanceReport report(Integer from, Integer to, boolean fresh) {
        MongoCollection<Document> live = years.get();
        if (!live.getNamespace().equals(cachedFrom == null ? null : cachedFrom.getNamespace())) {
            invalidate(null); // a rebuilt generation went live: nothing cached is of it
            cachedFrom = live;
        }
        long startEpoch = epoch.get();
        long claimEpoch = claim.epoch();
        long now = nanoTime.getAsLong();
        List<Year> result = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        for (int year : yearIds(startEpoch, claimEpoch, fresh)) {
            if (!YearlyPerformanceReport.inRange(year, from, to)) {
                continue;
            }
            Cached cached = cache.get(year);
            if (!fresh && cached != null && (claim.heldSince(cached.claimEpoch()) || now - cached.readAt() < CACHE_TTL_NANOS)) {
                result.add(cached.year());
            } else {
                missing.add(year);
            }
        }
        if (!missing.isEmpty()) {
            result.addAll(read(missing, startEpoch, claimEpoch, now));
        }
        result.sort(Comparator.comparingInt(Year::year).reversed());
        return new YearlyPerformanceReport(result);
    }

    /** The years' rows, assembled and cached (unless an invalidation raced with the read). */
    private List<Year> read(List<Integer> missing, long startEpoch, long claimEpoch, long now) {
        List<Year> read = new ArrayList<>();
        for (int number : missing) {
            Year year = YearAssembly.year(number, rows.get().find(YearAssembly.rowsOf(number)).into(new ArrayList<>()));
            read.add(year);
            Cached entry = new Cached(year, now, claimEpoch);
            cache.put(year.year(), entry);
            if (epoch.get() != startEpoch) {
                cache.remove(year.year(), entry); // an invalidation raced with this read: don't keep it
            }
        }
        return read;
    }

    /** Which years have rows (their documents are only ever added, or all dropped by a reset). */
    private List<Integer> yearIds(long startEpoch, long claimEpoch, boolean fresh) {
        YearList known = yearList;
        if (!fresh && known != null && claim.heldSince(known.claimEpoch())) {
            return known.years().stream().toList();
        }
        List<Integer> ids = new ArrayList<>();
        for (Document id : years.get().find().projection(Projections.include("_id"))) {
            ids.add(id.getInteger("_id"));
        }
        yearList = new YearList(Set.copyOf(ids), claimEpoch);
        if (epoch.get() != startEpoch) {
            yearList = null; // an invalidation raced with this read: don't keep it
        }
        return ids;
    }
}
