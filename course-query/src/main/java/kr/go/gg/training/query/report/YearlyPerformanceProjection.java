package kr.go.gg.training.query.report;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
import kr.go.gg.training.query.mongo.BatchedCollection;
import kr.go.gg.training.query.mongo.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.bson.conversions.Bson;
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
 */
@Component
@ProcessingGroup(ProcessingGroups.YEARLY_PERFORMANCE)
public class YearlyPerformanceProjection {

    public static final String REPORT = "yearly_performance";
    private static final Comparator<Row> ROW_ORDER = Comparator.comparing(Row::startDate)
            .thenComparing(Row::partner).thenComparing(Row::courseId);

    private final BatchedCollection years;
    private final QueryUpdateEmitter emitter;

    public YearlyPerformanceProjection(MongoDatabase readModelDatabase, QueryUpdateEmitter emitter) {
        this.years = new BatchedCollection(readModelDatabase.getCollection(REPORT));
        this.emitter = emitter;
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
        years.collection().drop();
    }

    @QueryHandler
    public YearlyPerformanceReport handle(FindYearlyPerformance query) {
        return report(query.from(), query.to());
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
        Document report = years.findOrNew(year);
        Document rows = report.get("rows", Document.class);
        if (rows == null) {
            rows = new Document();
            report.put("rows", rows);
        }
        rows.put(courseId.value(), new Document("program", program.name())
                .append("direction", direction.name())
                .append("partner", partner)
                .append("startDate", period.startDate().toString())
                .append("endDate", period.endDate().toString())
                .append("people", people));
        years.save(report);
        changedYears().add(year);
    }

    /** The years this batch changed; their subscribers get the new report once the batch has committed. */
    private Set<Integer> changedYears() {
        UnitOfWork<?> uow = CurrentUnitOfWork.get().root();
        return uow.getOrComputeResource("yearly-performance-changes", k -> {
            Set<Integer> changed = new HashSet<>();
            uow.afterCommit(u -> {
                YearlyPerformanceReport all = report(null, null);
                emitter.emit(FindYearlyPerformance.class,
                        q -> changed.stream().anyMatch(y -> inRange(y, q.from(), q.to())), all);
            });
            return changed;
        });
    }

    private YearlyPerformanceReport report(Integer from, Integer to) {
        List<Bson> bounds = new ArrayList<>();
        if (from != null) {
            bounds.add(gte("_id", from));
        }
        if (to != null) {
            bounds.add(lte("_id", to));
        }
        List<Year> result = new ArrayList<>();
        for (Document doc : years.collection().find(bounds.isEmpty() ? new Document() : and(bounds))
                .sort(Sorts.descending("_id"))) {
            result.add(year(doc.getInteger("_id"), doc.get("rows", Document.class)));
        }
        result.sort(Comparator.comparingInt(Year::year).reversed()); // whatever order the server returned
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
                    inbound.stream().mapToInt(Row::people).sum(), inbound));
        }
        for (String courseId : rows.keySet()) {
            Document r = rows.get(courseId, Document.class);
            if (Direction.OUTBOUND.name().equals(r.getString("direction"))) {
                outboundCourses++;
                outboundPeople += r.getInteger("people");
            }
        }
        return new Year(year, groups.stream().mapToInt(Group::courses).sum(), groups.stream().mapToInt(Group::people).sum(),
                groups, new Count(outboundCourses, outboundPeople));
    }
}
