package kr.go.gg.training.query.pipeline.projection;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.api.course.CourseSummary;
import kr.go.gg.training.api.course.FindKoicaPipeline;
import kr.go.gg.training.api.course.KoicaPipeline;
import kr.go.gg.training.api.course.PipelineCourse;
import kr.go.gg.training.query.course.projection.CourseDocuments;
import kr.go.gg.training.query.course.projection.CourseListingProjection;
import kr.go.gg.training.query.platform.layout.ReadModelLayout;
import kr.go.gg.training.query.platform.readmodel.BatchedCollection;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The KOICA pipeline board: {@code pipeline_year_rows} holds each KOICA course as a row of its training year
 * ({@code CourseDocuments.row}: {@code _id} = {@code "<year>:<courseId>"}); {@code pipeline_courses} is this processor's own copy of every course's summary, so the
 * board can be replayed without touching the course summaries. Each course is answered marked by {@link KoicaCalendar}
 * as of the query's day (computed on reading: nothing stored depends on the day).
 */
@Component
@ReadModelLayout(value = 3, replaces = KoicaPipelineProjection.FORMER_YEARS)
@ProcessingGroup(ProcessingGroups.KOICA_PIPELINE)
public class KoicaPipelineProjection extends CourseListingProjection {

    public static final String COURSES = "pipeline_courses";
    public static final String ROWS = "pipeline_year_rows";
    /** Layout 1: one document per year with every KOICA course of it. */
    static final String FORMER_YEARS = "pipeline_years";

    public KoicaPipelineProjection(MongoDatabase readModelDatabase) {
        super(new BatchedCollection(readModelDatabase.getCollection(COURSES)),
                new BatchedCollection(readModelDatabase.getCollection(ROWS)), readModelDatabase.getCollection(FORMER_YEARS));
    }

    @Override
    protected boolean listed(Document course) {
        return "KOICA".equals(course.getString("program"));
    }

    @QueryHandler
    public KoicaPipeline handle(FindKoicaPipeline query) {
        Map<CourseStatus, List<PipelineCourse>> stages = new EnumMap<>(CourseStatus.class);
        for (CourseStatus status : CourseStatus.values()) {
            stages.put(status, new ArrayList<>());
        }
        rows.collection().find(CourseDocuments.rowsOf(query.year())).into(new ArrayList<>()).stream()
                .sorted(CourseDocuments.ROW_ORDER)
                .map(CourseDocuments::rowToSummary)
                .forEach(course -> stages.get(course.status()).add(marked(course, query)));
        return new KoicaPipeline(stages);
    }

    /** The course marked by KOICA's calendar for the year it is listed in (its training year). */
    private static PipelineCourse marked(CourseSummary course, FindKoicaPipeline query) {
        KoicaCalendar.Mark mark = KoicaCalendar.mark(course.status(), query.year(), course.startDate(), course.endDate(),
                query.asOf());
        return PipelineCourse.of(course, mark.nextStep(), mark.due(), mark.overdue());
    }
}
