package kr.go.gg.training.query.pipeline.projection;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.api.course.CourseSummary;
import kr.go.gg.training.api.course.FindKoicaPipeline;
import kr.go.gg.training.api.course.KoicaPipeline;
import kr.go.gg.training.query.course.projection.CourseDocuments;
import kr.go.gg.training.query.course.projection.CourseListingProjection;
import kr.go.gg.training.query.platform.readmodel.BatchedCollection;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The KOICA pipeline board: {@code pipeline_years} holds one document per training year with that year's
 * KOICA courses; {@code pipeline_courses} is this processor's own copy of every course's summary, so the
 * board can be replayed without touching the course summaries.
 */
@Component
@ProcessingGroup(ProcessingGroups.KOICA_PIPELINE)
public class KoicaPipelineProjection extends CourseListingProjection {

    public static final String COURSES = "pipeline_courses";
    public static final String YEARS = "pipeline_years";

    public KoicaPipelineProjection(MongoDatabase readModelDatabase) {
        super(new BatchedCollection(readModelDatabase.getCollection(COURSES)),
                new BatchedCollection(readModelDatabase.getCollection(YEARS)));
    }

    @Override
    protected boolean listed(Document course) {
        return "KOICA".equals(course.getString("program"));
    }

    @QueryHandler
    public KoicaPipeline handle(FindKoicaPipeline query) {
        Map<CourseStatus, List<CourseSummary>> stages = new EnumMap<>(CourseStatus.class);
        for (CourseStatus status : CourseStatus.values()) {
            stages.put(status, new ArrayList<>());
        }
        Document board = years.collection().find(eq("_id", query.year())).first();
        if (board != null) {
            board.get("courses", Document.class).values().stream()
                    .map(Document.class::cast)
                    .sorted(CourseDocuments.LISTING_ORDER)
                    .map(CourseDocuments::toSummary)
                    .forEach(course -> stages.get(course.status()).add(course));
        }
        return new KoicaPipeline(stages);
    }
}
