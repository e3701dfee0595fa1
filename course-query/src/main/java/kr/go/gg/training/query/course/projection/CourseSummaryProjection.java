package kr.go.gg.training.query.course.projection;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import kr.go.gg.training.api.course.CourseAtVersion;
import kr.go.gg.training.api.course.CourseSummaries;
import kr.go.gg.training.api.course.CourseSummary;
import kr.go.gg.training.api.course.FindCourse;
import kr.go.gg.training.api.course.FindCourses;
import kr.go.gg.training.api.course.WatchCourse;
import kr.go.gg.training.api.curriculum.SessionAdded;
import kr.go.gg.training.api.curriculum.SessionRemoved;
import kr.go.gg.training.query.platform.layout.ReadModelLayout;
import kr.go.gg.training.query.platform.readmodel.BatchedCollection;
import kr.go.gg.training.query.platform.readmodel.OpenSubscriptions;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Course summaries: {@code course_summaries} (one document per course, with its curriculum, {@link Curricula}) and {@code course_year_rows} (a copy of
 * each course as a row of its year, {@link CourseDocuments#row}). After each batch the changed courses are pushed to {@link WatchCourse}
 * subscribers (read-your-writes).
 * <p>
 * Layout 3 (issue 19): a summary also holds the course's standing costs and its commission (one course's, bounded).
 */
@Component
@ReadModelLayout(value = 3, replaces = CourseSummaryProjection.FORMER_YEARS)
@ProcessingGroup(ProcessingGroups.COURSE_SUMMARIES)
public class CourseSummaryProjection extends CourseListingProjection {

    public static final String SUMMARIES = "course_summaries";
    public static final String ROWS = "course_year_rows";
    /** Layout 1: one listing document per year. */
    static final String FORMER_YEARS = "course_years";

    private final QueryUpdateEmitter emitter;

    public CourseSummaryProjection(MongoDatabase readModelDatabase, QueryUpdateEmitter emitter) {
        super(new BatchedCollection(readModelDatabase.getCollection(SUMMARIES)),
                new BatchedCollection(readModelDatabase.getCollection(ROWS)), readModelDatabase.getCollection(FORMER_YEARS));
        this.emitter = emitter;
        createIndexes();
    }

    /** For the filters without a year, on real MongoDB (the wire server accepts and ignores them). */
    @Override
    protected void createIndexes() {
        courses.collection().createIndex(Indexes.ascending("program", "status"));
        courses.collection().createIndex(Indexes.ascending("status"));
    }

    @Override
    protected boolean listed(Document course) {
        return true;
    }

    @QueryHandler
    public CourseSummaries handle(FindCourses query) {
        return new CourseSummaries(query.year() != null ? ofYear(query) : ofAllYears(query));
    }

    /** The year's rows by {@code _id} alone (the wire server would scan for any other field), filtered here. */
    private List<CourseSummary> ofYear(FindCourses query) {
        return rows.collection().find(CourseDocuments.rowsOf(query.year())).into(new ArrayList<>()).stream()
                .filter(row -> query.program() == null || query.program().name().equals(row.getString("program")))
                .filter(row -> query.status() == null || query.status().name().equals(row.getString("status")))
                .sorted(CourseDocuments.ROW_ORDER)
                .map(CourseDocuments::rowToSummary)
                .toList();
    }

    private List<CourseSummary> ofAllYears(FindCourses query) {
        List<Bson> filters = new ArrayList<>();
        if (query.program() != null) {
            filters.add(eq("program", query.program().name()));
        }
        if (query.status() != null) {
            filters.add(eq("status", query.status().name()));
        }
        return courses.collection().find(filters.isEmpty() ? new Document() : and(filters)).into(new ArrayList<>())
                .stream().sorted(CourseDocuments.LISTING_ORDER).map(CourseDocuments::toSummary).toList();
    }

    @EventHandler
    void on(SessionAdded e, @SequenceNumber long seq) {
        apply(e.courseId(), seq, d -> Curricula.add(d, e));
    }

    @EventHandler
    void on(SessionRemoved e, @SequenceNumber long seq) {
        apply(e.courseId(), seq, d -> Curricula.remove(d, e.sessionId()));
    }

    /** One course with its curriculum (the lists leave it out). */
    @QueryHandler
    public CourseSummary handle(FindCourse query) {
        Document d = courses.collection().find(eq("_id", query.courseId())).first();
        return d == null ? null : CourseDocuments.toDetail(d);
    }

    @QueryHandler
    public CourseAtVersion handle(WatchCourse query) {
        Document d = courses.collection().find(eq("_id", query.courseId())).first();
        return d == null ? null : atVersion(d);
    }

    /**
     * Collects the batch's changed courses and pushes their final state to watchers once it has committed (only a
     * watched course's is built).
     */
    @Override
    protected void applied(Document course) {
        UnitOfWork<?> uow = CurrentUnitOfWork.get().root();
        Map<String, Document> changed = uow.getOrComputeResource("watch-course-updates", k -> {
            Map<String, Document> batch = new LinkedHashMap<>();
            uow.afterCommit(u -> batch.forEach((id, d) -> {
                Predicate<WatchCourse> watching = q -> id.equals(q.courseId());
                if (OpenSubscriptions.any(emitter, WatchCourse.class, watching)) {
                    emitter.emit(WatchCourse.class, watching, atVersion(d));
                }
            }));
            return batch;
        });
        changed.put(course.getString("_id"), course);
    }

    private static CourseAtVersion atVersion(Document d) {
        return new CourseAtVersion(CourseDocuments.toDetail(d), d.getLong("version"));
    }
}
