package kr.go.gg.training.query.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import kr.go.gg.training.query.TestEnrolments;
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
import kr.go.gg.training.query.QueryApplicationTest;
import kr.go.gg.training.query.platform.replay.ProjectionReplay;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The real processor: every read model on one tracking processor, its token in MongoDB; a replay of all or of one
 * projection from the first event rebuilds equal read models, and a replay of one leaves the others alone.
 */
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
        append("Course", id, 2, TestEnrolments.plain(course, new TraineeId("r1"),
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

    private TrackingEventProcessor processor() {
        return processing.eventProcessor(ProcessingGroups.READ_MODELS, TrackingEventProcessor.class).orElseThrow();
    }

    private void awaitCaughtUp() {
        TrackingEventProcessor processor = processor();
        long head = processor.getMessageSource().createHeadToken().position().orElse(0L);
        await().atMost(Duration.ofSeconds(30)).until(() -> !processor.processingStatus().isEmpty()
                && processor.processingStatus().values().stream().allMatch(s -> s.isCaughtUp() // a replay token stays until a newer event arrives
                && s.getCurrentPosition().orElse(-1L) >= head));
    }

    /** Stops the processor, resets its tokens with that context (null: a plain {@code resetTokens()}) and starts it. */
    private void reset(ProjectionReplay context) {
        TrackingEventProcessor processor = processor();
        processor.shutDown();
        if (context == null) {
            processor.resetTokens();
        } else {
            processor.resetTokens(context);
        }
        processor.start();
    }

    /** The collections of each projection. */
    static final Map<String, List<String>> COLLECTIONS = Map.of(
            ProcessingGroups.COURSE_SUMMARIES, List.of("course_summaries", "course_years"),
            ProcessingGroups.ROSTERS, List.of("rosters"),
            ProcessingGroups.YEARLY_PERFORMANCE, List.of("yearly_performance"),
            ProcessingGroups.KOICA_PIPELINE, List.of("pipeline_courses", "pipeline_years"),
            ProcessingGroups.AGREEMENTS, List.of("agreements"),
            ProcessingGroups.AUDIT_LOG, List.of("audit_log", "audit_log_days"));

    /**
     * Changes every document of the projection the way its handlers would undo if they saw an old event again:
     * versioned documents (and listing entries) get version -1 (any event applies again), report rows -1 people,
     * agreements another province, audit entries a mark (an entry is overwritten by its event); each day of the audit
     * log gets a mark that only its reset handler would remove.
     */
    private void tamper(String projection) {
        for (String name : COLLECTIONS.get(projection)) {
            var collection = readModelDatabase.getCollection(name);
            for (Document d : collection.find().into(new ArrayList<>())) {
                if (d.containsKey("version")) {
                    d.put("version", -1L);
                }
                for (String nested : List.of("courses", "rows", "entries")) {
                    Document entries = d.get(nested, Document.class);
                    if (entries != null) {
                        entries.values().forEach(v -> {
                            Document entry = (Document) v;
                            switch (nested) {
                                case "courses" -> entry.put("version", -1L);
                                case "rows" -> entry.put("people", -1);
                                default -> entry.put("tampered", true);
                            }
                        });
                    }
                }
                if (d.containsKey("province")) {
                    d.put("province", "Tampered");
                }
                d.put("untouched", true);
                collection.replaceOne(Filters.eq("_id", d.get("_id")), d);
            }
        }
    }

    private Map<String, List<Document>> readModels(String projection) {
        Map<String, List<Document>> all = new TreeMap<>();
        for (String name : COLLECTIONS.get(projection)) {
            all.put(name, readModelDatabase.getCollection(name).find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
        }
        return all;
    }

    private Document one(String collection, Object id) {
        Document found = readModelDatabase.getCollection(collection).find(Filters.eq("_id", id)).first();
        assertThat(found).as(collection + " " + id).isNotNull();
        return found;
    }

    @Test
    void everyReadModelRunsOnOneTrackingProcessorWithOneTokenInMongo() {
        appendSomeHistory();
        TrackingEventProcessor processor = processor();
        for (String group : ProcessingGroups.ALL) {
            assertThat(processing.eventProcessorByProcessingGroup(group)).as(group).containsSame(processor);
            assertThat(readModelDatabase.getCollection("trackingtokens").countDocuments(Filters.eq("processorName", group)))
                    .as(group).isZero();
        }
        assertThat(processing.tokenStore(ProcessingGroups.READ_MODELS)).isInstanceOfSatisfying(ClaimWatchingTokenStore.class,
                store -> assertThat(store.delegate()).isInstanceOf(MongoTokenStore.class));
        // no JDBC transaction: the token is then stored after the batch's bulk writes, not before the batch
        assertThat(processing.transactionManager(ProcessingGroups.READ_MODELS)).isSameAs(NoTransactionManager.instance());
        awaitCaughtUp();
        assertThat(readModelDatabase.getCollection("trackingtokens")
                .countDocuments(Filters.eq("processorName", ProcessingGroups.READ_MODELS))).isEqualTo(1);
    }

    @Test
    void aResetWithNoContextRebuildsAllProjections() {
        appendSomeHistory();
        awaitCaughtUp();
        Map<String, List<Document>> before = readModels();
        assertThat(before).containsKeys("course_summaries", "course_years", "rosters", "yearly_performance",
                "pipeline_courses", "pipeline_years", "agreements", "audit_log", "audit_log_days");
        ProcessingGroups.ALL.forEach(this::tamper);

        reset(null);
        awaitCaughtUp();
        assertThat(readModels()).isEqualTo(before);
    }

    @Test
    void replayingOneProjectionRebuildsItEqualToBefore() {
        appendSomeHistory();
        awaitCaughtUp();
        for (String projection : ProcessingGroups.ALL) {
            Map<String, List<Document>> before = readModels(projection);
            tamper(projection);
            assertThat(readModels(projection)).as(projection).isNotEqualTo(before);

            reset(ProjectionReplay.of(projection));
            awaitCaughtUp();
            assertThat(readModels(projection)).as(projection).isEqualTo(before);
        }
    }

    @Test
    void replayingOneProjectionLeavesTheOthersDocumentsUntouchedAndTheirHandlersDoNotSeeTheReplayedEvents() {
        appendSomeHistory();
        awaitCaughtUp();
        Map<String, List<Document>> rostersBefore = readModels(ProcessingGroups.ROSTERS);
        List<String> others = ProcessingGroups.ALL.stream()
                .filter(p -> !p.equals(ProcessingGroups.ROSTERS)).toList();
        ProcessingGroups.ALL.forEach(this::tamper);
        Map<String, Map<String, List<Document>>> tampered = new TreeMap<>();
        others.forEach(p -> tampered.put(p, readModels(p)));

        reset(ProjectionReplay.of(ProcessingGroups.ROSTERS));
        awaitCaughtUp();
        assertThat(readModels(ProcessingGroups.ROSTERS)).isEqualTo(rostersBefore);
        for (String other : others) {
            assertThat(readModels(other)).as(other).isEqualTo(tampered.get(other));
        }

        reset(null); // the other test classes share this database: rebuild what was tampered with
        awaitCaughtUp();
    }

    @Test
    void eventsArrivingDuringAReplayReachEveryProjection() {
        appendSomeHistory();
        awaitCaughtUp();
        TrackingEventProcessor processor = processor();
        processor.shutDown();
        processor.resetTokens(ProjectionReplay.of(ProcessingGroups.AGREEMENTS));
        String id = newId(); // appended after the reset position, before the replay has passed it
        CourseId course = new CourseId(id);
        Period period = new Period(LocalDate.of(2062, 3, 2), LocalDate.of(2062, 3, 9));
        append("Course", id, 0, new CourseProposed(course, "During", Program.KOICA, Direction.INBOUND, "Ghana", 5, null));
        append("Course", id, 1, new CourseScheduled(course, period));
        append("Course", id, 2, TestEnrolments.plain(course, new TraineeId("d1"),
                new Trainee("Kofi", "Ghana", "Ministry", "Officer", TraineeLevel.MID_LEVEL), 1));
        append("Course", id, 3, new CourseStarted(course, 1));
        processor.start();
        append("Course", id, 4, new CourseCompleted(course, Program.KOICA, Direction.INBOUND, "Ghana", period,
                List.of(new TraineeId("d1"))));
        awaitCaughtUp();

        assertThat(one("course_summaries", id).getLong("version")).isEqualTo(4L);
        assertThat(one("course_years", 2062).get("courses", Document.class)).containsKey(id);
        assertThat(one("pipeline_courses", id).getLong("version")).isEqualTo(4L);
        assertThat(one("pipeline_years", 2062).get("courses", Document.class)).containsKey(id);
        assertThat(one("rosters", id).getList("trainees", Document.class)).hasSize(1);
        assertThat(one("yearly_performance", 2062).get("rows", Document.class)).containsKey(id);
        long audited = 0;
        for (Document chunk : readModelDatabase.getCollection("audit_log").find()) {
            audited += chunk.get("entries", Document.class).values().stream()
                    .filter(e -> id.equals(((Document) e).getString("courseId"))).count();
        }
        assertThat(audited).isEqualTo(5);
    }
}
