package kr.go.gg.training.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kr.go.gg.training.api.agreement.AgreementClassification;
import kr.go.gg.training.api.agreement.AgreementId;
import kr.go.gg.training.api.agreement.AgreementRecorded;
import kr.go.gg.training.api.agreement.Province;
import kr.go.gg.training.api.course.CourseCompleted;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseProposed;
import kr.go.gg.training.api.course.CourseScheduled;
import kr.go.gg.training.api.course.CourseStarted;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.enrollment.Trainee;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.api.enrollment.TraineeLevel;
import kr.go.gg.training.query.mongo.ReadModelConfiguration;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The real processors: tracking, tokens in MongoDB, and a replay from the first event rebuilds equal read models. */
class ProcessorsTest extends QueryApplicationTest {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MongoDatabase readModelDatabase;

    private void appendSomeHistory() {
        String id = newId();
        CourseId course = new CourseId(id);
        Period period = new Period(LocalDate.of(2061, 4, 6), LocalDate.of(2061, 4, 17));
        append("Course", id, 0, new CourseProposed(course, "Replay", Program.KOICA, Direction.INBOUND, "Kenya", 10, null));
        append("Course", id, 1, new CourseScheduled(course, period));
        append("Course", id, 2, new TraineeEnrolled(course, new TraineeId("r1"),
                new Trainee("Amani", "Kenya", "Treasury", "Analyst", TraineeLevel.MID_LEVEL), 1));
        append("Course", id, 3, new CourseStarted(course, 1));
        append("Course", id, 4, new CourseCompleted(course, Program.KOICA, Direction.INBOUND, "Kenya", period,
                List.of(new TraineeId("r1"))));
        String agreement = newId();
        append("Agreement", agreement, 0, new AgreementRecorded(new AgreementId(agreement), Province.of("Hebei"),
                AgreementClassification.GENERAL, YearMonth.of(2013, 1)));
    }

    private Map<String, List<Document>> readModels() {
        Map<String, List<Document>> all = new TreeMap<>();
        for (String name : readModelDatabase.listCollectionNames()) {
            if (!name.equals("trackingtokens")) {
                all.put(name, readModelDatabase.getCollection(name).find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
            }
        }
        return all;
    }

    private void awaitCaughtUp(TrackingEventProcessor processor) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !processor.processingStatus().isEmpty()
                && processor.processingStatus().values().stream().allMatch(s -> s.isCaughtUp())); // a replay token stays until a newer event arrives
    }

    @Test
    void everyReadModelHasATrackingProcessorWithItsTokenInMongo() {
        appendSomeHistory();
        for (String group : ReadModelConfiguration.PROCESSING_GROUPS) {
            assertThat(processing.eventProcessor(group, TrackingEventProcessor.class)).as(group).isPresent();
            assertThat(processing.tokenStore(group)).as(group).isInstanceOf(MongoTokenStore.class);
            // no JDBC transaction: the token is then stored after the batch's bulk writes, not before the batch
            assertThat(processing.transactionManager(group)).as(group).isSameAs(NoTransactionManager.instance());
            awaitCaughtUp(processing.eventProcessor(group, TrackingEventProcessor.class).orElseThrow());
            assertThat(readModelDatabase.getCollection("trackingtokens").countDocuments(Filters.eq("processorName", group)))
                    .as(group).isEqualTo(1);
        }
    }

    @Test
    void aReplayFromTheFirstEventRebuildsIdenticalReadModels() {
        appendSomeHistory();
        List<TrackingEventProcessor> processors = ReadModelConfiguration.PROCESSING_GROUPS.stream()
                .map(group -> processing.eventProcessor(group, TrackingEventProcessor.class).orElseThrow()).toList();
        processors.forEach(this::awaitCaughtUp);
        Map<String, List<Document>> before = readModels();
        assertThat(before).containsKeys("course_summaries", "course_years", "rosters", "yearly_performance",
                "pipeline_courses", "pipeline_years", "agreements");

        for (TrackingEventProcessor processor : processors) {
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        processors.forEach(this::awaitCaughtUp);
        assertThat(readModels()).isEqualTo(before);
    }
}
