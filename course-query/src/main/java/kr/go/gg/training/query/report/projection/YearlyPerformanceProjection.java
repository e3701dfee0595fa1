package kr.go.gg.training.query.report.projection;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import kr.go.gg.training.api.course.CourseCompleted;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.historical.HistoricalCourseImported;
import kr.go.gg.training.api.report.FindYearlyPerformance;
import kr.go.gg.training.api.report.YearlyPerformanceReport;
import kr.go.gg.training.api.report.YearlyPerformanceReport.Count;
import kr.go.gg.training.api.report.YearlyPerformanceReport.Group;
import kr.go.gg.training.api.report.YearlyPerformanceReport.Row;
import kr.go.gg.training.api.report.YearlyPerformanceReport.Year;
import kr.go.gg.training.query.platform.readmodel.BatchedCollection;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import kr.go.gg.training.query.platform.readmodel.ReadModelClaim;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The yearly performance report: {@code yearly_performance}, one document per year of training start
 * ({@code _id} = year) whose {@code rows} map each completed course's id to its partner, period, programme,
 * direction and people. A course enters when it is completed (live: its participants; imported: its
 * headcount); re-delivery overwrites the same row, so the projection is idempotent. Totals, group counts and
 * the outbound count are computed from the rows when answering, never stored.
 * <p>
 * After each batch that changed a year, the whole report goes to the {@link FindYearlyPerformance}
 * subscribers whose range includes that year; they cut it to their range with {@link #within}.
 * <p>
 * Answering caches each assembled {@link Year} in memory (filled on read). Which years exist always comes from
 * Mongo (one {@code _id}-only find, no rows decoded); only the rows of years missing from the cache, or older
 * than {@link #CACHE_TTL_NANOS}, are read and assembled. This processor's changed years are dropped from the cache
 * after its batch's bulk write has committed, before the subscribers' update is built; the reset handler clears
 * it. Why a TTL as well: the processors' tokens are in the shared {@code trackingtokens} collection beside the
 * read models, so when several query nodes share one read-model database only the node holding the token claim
 * writes the report, and the other nodes never see those commits; their cached years are then at most
 * {@link #CACHE_TTL_NANOS} (1 s) stale. A year read while this node held the claim, which it has held since
 * ({@link ReadModelClaim}), needs no TTL: every change reached it through this node's commits (the TTL made a
 * re-read of some year about every 100 ms under steady queries, which set the report's p99, docs/benchmarks.md);
 * so does the list of year documents, until a local commit adds a year: a query then makes no round trip at all.
 * <p>
 * With several segments ({@link ReadModelClaim#isSeveralSegments()}) no year is trusted beyond the TTL, and the
 * update sent after a batch is read whole from MongoDB, never from the cache: a year's rows come from every segment,
 * and this node's commits are only some of them.
 */
@Component
@ProcessingGroup(ProcessingGroups.YEARLY_PERFORMANCE)
public class YearlyPerformanceProjection {

    public static final String REPORT = "yearly_performance";
    private static final Comparator<Row> ROW_ORDER = Comparator.comparing(Row::startDate)
            .thenComparing(Row::partner).thenComparing(Row::courseId);

    /** How long a cached year may be used without re-reading it (bounds staleness for other nodes' writes). */
    static final long CACHE_TTL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final BatchedCollection years;
    private final QueryUpdateEmitter emitter;
    private final LongSupplier nanoTime;
    /** Assembled years by year, with the time they were read. */
    private final Map<Integer, Cached> cache = new ConcurrentHashMap<>();
    /**
     * Bumped before every invalidation. A reader that started before an invalidation may have read the old
     * document; it puts its year, then re-checks the epoch and removes its own entry if it moved, so a stale
     * year never outlives an invalidation that raced with it.
     */
    private final AtomicLong epoch = new AtomicLong();

    private final ReadModelClaim claim;

    /** {@code claimEpoch}: the claim's epoch when the year was read (exact while the claim stays held since). */
    private record Cached(Year year, long readAt, long claimEpoch) {
    }

    /** The year documents that exist, as listed at {@code claimEpoch} (trusted while the claim stays held). */
    private record YearList(Set<Integer> years, long claimEpoch) {
    }

    private volatile YearList yearList;

    @Autowired
    public YearlyPerformanceProjection(MongoDatabase readModelDatabase, QueryUpdateEmitter emitter, ReadModelClaim claim) {
        this(readModelDatabase, emitter, System::nanoTime, claim);
    }

    YearlyPerformanceProjection(MongoDatabase readModelDatabase, QueryUpdateEmitter emitter, LongSupplier nanoTime,
                                ReadModelClaim claim) {
        this.years = new BatchedCollection(readModelDatabase.getCollection(REPORT));
        this.emitter = emitter;
        this.nanoTime = nanoTime;
        this.claim = claim;
    }

    @EventHandler
    void on(CourseCompleted e) {
        row(e.courseId(), e.program(), e.direction(), e.partner(), e.period(), e.people());
    }

    @EventHandler
    void on(HistoricalCourseImported e) {
        row(e.courseId(), e.program(), e.direction(), e.partner(), e.period(), e.people());
    }

    @ResetHandler
    void reset() {
        years.drop();
        invalidate(null);
    }

    /** Drops the given years from the cache, or all of it for {@code null}. */
    private void invalidate(Set<Integer> changed) {
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

    @QueryHandler
    public YearlyPerformanceReport handle(FindYearlyPerformance query) {
        return report(query.from(), query.to(), false);
    }

    /** The report cut to {@code from}..{@code to} (inclusive, either open). */
    public static YearlyPerformanceReport within(YearlyPerformanceReport report, Integer from, Integer to) {
        return new YearlyPerformanceReport(report.years().stream().filter(y -> inRange(y.year(), from, to)).toList());
    }

    private static boolean inRange(int year, Integer from, Integer to) {
        return (from == null || year >= from) && (to == null || year <= to);
    }

    private void row(CourseId courseId, Program program, Direction direction, String partner, Period period, int people) {
        int year = period.year();
        years.setEntry(years.findOrNew(year), "rows", courseId.value(), new Document("program", program.name())
                .append("direction", direction.name())
                .append("partner", partner)
                .append("startDate", period.startDate().toString())
                .append("endDate", period.endDate().toString())
                .append("people", people)); // a $set of this row only
        changedYears().add(year);
    }

    /** The years this batch changed; their subscribers get the new report once the batch has committed. */
    private Set<Integer> changedYears() {
        UnitOfWork<?> uow = CurrentUnitOfWork.get().root();
        return uow.getOrComputeResource("yearly-performance-changes", k -> {
            Set<Integer> changed = new HashSet<>();
            uow.afterCommit(u -> {
                invalidate(changed); // the bulk write has committed (flushed before commit): re-read these years
                // several segments: the other years' rows (and this year's rows of other segments' courses) are
                // written by other threads or nodes, whose commits never reach this cache: the update is read whole
                YearlyPerformanceReport all = report(null, null, claim.isSeveralSegments());
                emitter.emit(FindYearlyPerformance.class,
                        q -> changed.stream().anyMatch(y -> inRange(y, q.from(), q.to())), all);
            });
            return changed;
        });
    }

    /** Which year documents exist (year documents are only ever added, or all dropped by a reset). */
    private List<Integer> yearIds(long startEpoch, long claimEpoch, boolean fresh) {
        YearList known = yearList;
        if (!fresh && known != null && claim.heldSince(known.claimEpoch())) {
            return known.years().stream().toList();
        }
        List<Integer> ids = new ArrayList<>();
        for (Document id : years.collection().find().projection(Projections.include("_id"))) {
            ids.add(id.getInteger("_id"));
        }
        YearList listed = new YearList(Set.copyOf(ids), claimEpoch);
        yearList = listed;
        if (epoch.get() != startEpoch) {
            yearList = null; // an invalidation raced with this read: don't keep it
        }
        return ids;
    }

    /** {@code fresh}: every year read from MongoDB, nothing taken from the cache (which the reads refill). */
    private YearlyPerformanceReport report(Integer from, Integer to, boolean fresh) {
        long startEpoch = epoch.get();
        long claimEpoch = claim.epoch();
        long now = nanoTime.getAsLong();
        List<Year> result = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        for (int year : yearIds(startEpoch, claimEpoch, fresh)) {
            if (!inRange(year, from, to)) {
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
            for (Document doc : years.collection().find(in("_id", missing))) {
                Year year = year(doc.getInteger("_id"), doc.get("rows", Document.class));
                result.add(year);
                Cached entry = new Cached(year, now, claimEpoch);
                cache.put(year.year(), entry);
                if (epoch.get() != startEpoch) {
                    cache.remove(year.year(), entry); // an invalidation raced with this read: don't keep it
                }
            }
        }
        result.sort(Comparator.comparingInt(Year::year).reversed());
        return new YearlyPerformanceReport(result);
    }

    private static Year year(int year, Document rows) {
        List<Group> groups = new ArrayList<>();
        int outboundCourses = 0;
        int outboundPeople = 0;
        for (Program program : Program.values()) {
            List<Row> inbound = new ArrayList<>();
            for (String courseId : rows.keySet()) {
                Document r = rows.get(courseId, Document.class);
                if (program.name().equals(r.getString("program")) && Direction.INBOUND.name().equals(r.getString("direction"))) {
                    inbound.add(new Row(courseId, r.getString("partner"), LocalDate.parse(r.getString("startDate")),
                            LocalDate.parse(r.getString("endDate")), r.getInteger("people")));
                }
            }
            inbound.sort(ROW_ORDER);
            groups.add(new Group(program, program.label(), program.remarks(), inbound.size(),
                    inbound.stream().mapToInt(Row::people).sum(), List.copyOf(inbound)));
        }
        for (String courseId : rows.keySet()) {
            Document r = rows.get(courseId, Document.class);
            if (Direction.OUTBOUND.name().equals(r.getString("direction"))) {
                outboundCourses++;
                outboundPeople += r.getInteger("people");
            }
        }
        return new Year(year, groups.stream().mapToInt(Group::courses).sum(), groups.stream().mapToInt(Group::people).sum(),
                List.copyOf(groups), new Count(outboundCourses, outboundPeople)); // immutable: it is cached
    }
}
