package kr.go.gg.training.query.report.projection;

import com.mongodb.client.MongoDatabase;
import java.util.function.LongSupplier;
import kr.go.gg.training.api.cost.CommissionRecorded;
import kr.go.gg.training.api.course.CourseCompleted;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.agreement.Province;
import kr.go.gg.training.api.historical.HistoricalCourseImported;
import kr.go.gg.training.api.outbound.OutboundSummaryRecorded;
import kr.go.gg.training.api.report.FindYearlyPerformance;
import kr.go.gg.training.api.report.YearlyPerformanceReport;
import kr.go.gg.training.query.platform.layout.ReadModelLayout;
import kr.go.gg.training.query.platform.readmodel.BatchedCollection;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import kr.go.gg.training.query.platform.readmodel.ReadModelClaim;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The yearly performance report: {@code yearly_performance_rows}, one document per completed course of a year of
 * training start ({@code _id} = {@code "<year>:<courseId>"}: its partner, period, programme, direction and people,
 * {@link YearAssembly}), and {@code yearly_performance_years}, one small document per year that has rows ({@code _id} =
 * year), which the report lists. A course enters when it is completed (live: its participants; imported: its
 * headcount); a year's printed outbound figure ({@code OutboundSummaryRecorded}) is a row of its year too, counted in
 * its {@code outbound}; re-delivery overwrites the same row, so the projection is idempotent. Answered from {@link YearCache};
 * live updates by {@link ReportUpdates}.
 * <p>
 * Layout 2 (issue 17): layout 1 held one document per year with every row of it (a map keyed by course id, dates as
 * text), so every update cost the size of the year; the reset drops that former collection. Layout 3 (issue 19): a
 * KOICA course's commission is a row of its training year too ({@link YearAssembly#commission}), summed as the
 * year's {@code nonTaxRevenue}; a year with only a commission is listed (its courses not completed yet).
 */
@Component
@ReadModelLayout(value = 3, replaces = YearlyPerformanceProjection.FORMER)
@ProcessingGroup(ProcessingGroups.YEARLY_PERFORMANCE)
public class YearlyPerformanceProjection {

    public static final String ROWS = "yearly_performance_rows";
    public static final String YEARS = "yearly_performance_years";
    /** Layout 1: one document per year with every row. */
    static final String FORMER = "yearly_performance";

    private final BatchedCollection rows;
    private final BatchedCollection years;
    private final MongoDatabase database;
    private final YearCache cache;
    private final ReportUpdates updates;
    private final ReadModelClaim claim;

    @Autowired
    public YearlyPerformanceProjection(MongoDatabase readModelDatabase, QueryUpdateEmitter emitter, ReadModelClaim claim) {
        this(readModelDatabase, emitter, System::nanoTime, claim);
    }

    YearlyPerformanceProjection(MongoDatabase readModelDatabase, QueryUpdateEmitter emitter, LongSupplier nanoTime,
                                ReadModelClaim claim) {
        this.database = readModelDatabase;
        this.rows = new BatchedCollection(readModelDatabase.getCollection(ROWS));
        this.years = new BatchedCollection(readModelDatabase.getCollection(YEARS));
        this.claim = claim;
        this.cache = new YearCache(rows::collection, years::collection, nanoTime, claim);
        this.updates = new ReportUpdates(cache, emitter, claim);
    }

    @EventHandler
    void on(CourseCompleted e) {
        row(e.courseId(), e.program(), e.direction(), e.partner(), e.period(), e.people());
    }

    @EventHandler
    void on(HistoricalCourseImported e) {
        row(e.courseId(), e.program(), e.direction(), e.partner(), e.period(), e.people());
    }

    /** A printed outbound figure counts in its year's {@code outbound}, beside the real outbound courses. */
    @EventHandler
    void on(OutboundSummaryRecorded e) {
        rows.save(YearAssembly.outboundSummary(e.summaryId(), e.year(), e.courses(), e.people(),
                e.partners().stream().map(Province::name).toList()));
        listed(e.year());
    }

    /** The year's non-tax revenue (issue 19): the commission is a row of the course's training year. */
    @EventHandler
    void on(CommissionRecorded e) {
        rows.save(YearAssembly.commission(e.courseId(), e.trainingYear(), e.amount(), e.receivedOn()));
        listed(e.trainingYear());
    }

    @ResetHandler
    void reset() {
        rows.drop();
        years.drop();
        BatchedCollection.dropIfWritten(database.getCollection(FORMER));
        cache.invalidate(null);
    }

    @QueryHandler
    public YearlyPerformanceReport handle(FindYearlyPerformance query) {
        return cache.report(query.from(), query.to(), query.fresh());
    }

    /**
     * The whole report as {@code database}'s copies of this projection's collections hold it: the report as of an
     * instant, read from the throwaway database its events were folded into ({@link YearlyPerformanceAsOf}), by the
     * same reading code as the live report, with nothing cached.
     */
    public YearlyPerformanceReport reportIn(MongoDatabase database) {
        return new YearCache(() -> rows.in(database), () -> years.in(database), System::nanoTime, claim)
                .report(null, null, true);
    }

    private void row(CourseId courseId, Program program, Direction direction, String partner, Period period, int people) {
        int year = period.year();
        rows.save(YearAssembly.row(courseId, program, direction, partner, period, people));
        listed(year);
    }

    private void listed(int year) {
        years.updatePath(year, "$set", "year", year); // the year is listed (an upsert; never read back here)
        updates.changed(year);
    }
}
