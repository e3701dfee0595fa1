package kr.go.gg.training.query.report.projection;

import com.mongodb.client.MongoDatabase;
import java.util.function.LongSupplier;
import kr.go.gg.training.api.course.CourseCompleted;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.historical.HistoricalCourseImported;
import kr.go.gg.training.api.report.FindYearlyPerformance;
import kr.go.gg.training.api.report.YearlyPerformanceReport;
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
 * The yearly performance report: {@code yearly_performance}, one document per year of training start
 * ({@code _id} = year) whose {@code rows} map each completed course's id to its partner, period, programme,
 * direction and people ({@link YearAssembly}). A course enters when it is completed (live: its participants;
 * imported: its headcount); re-delivery overwrites the same row, so the projection is idempotent. Answered from
 * {@link YearCache}; live updates by {@link ReportUpdates}.
 */
@Component
@ProcessingGroup(ProcessingGroups.YEARLY_PERFORMANCE)
public class YearlyPerformanceProjection {

    public static final String REPORT = "yearly_performance";

    private final BatchedCollection years;
    private final YearCache cache;
    private final ReportUpdates updates;

    @Autowired
    public YearlyPerformanceProjection(MongoDatabase readModelDatabase, QueryUpdateEmitter emitter, ReadModelClaim claim) {
        this(readModelDatabase, emitter, System::nanoTime, claim);
    }

    YearlyPerformanceProjection(MongoDatabase readModelDatabase, QueryUpdateEmitter emitter, LongSupplier nanoTime,
                                ReadModelClaim claim) {
        this.years = new BatchedCollection(readModelDatabase.getCollection(REPORT));
        this.cache = new YearCache(years::collection, nanoTime, claim);
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

    @ResetHandler
    void reset() {
        years.drop();
        cache.invalidate(null);
    }

    @QueryHandler
    public YearlyPerformanceReport handle(FindYearlyPerformance query) {
        return cache.report(query.from(), query.to(), query.fresh());
    }

    private void row(CourseId courseId, Program program, Direction direction, String partner, Period period, int people) {
        int year = period.year();
        // a $set of this row only
        years.setEntry(years.findOrNew(year), "rows", courseId.value(),
                YearAssembly.row(program, direction, partner, period, people));
        updates.changed(year);
    }
}
