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
import kr.go.gg.training.api.cost.CommissionRecorded;
import kr.go.gg.training.api.cost.CostCategory;
import kr.go.gg.training.api.cost.CostRecorded;
import kr.go.gg.training.api.cost.Payer;
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
import kr.go.gg.training.query.platform.replay.ProjectionAdmin;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The real processors: each read model on a tracking processor of its own, its token in MongoDB; a reset of every
 * processor, and a replay of one projection (a rebuild beside the live generation), rebuild equal read models, and a
 * replay of one leaves the others alone.
 */
class ProcessorsTest extends QueryApplicationTest {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MongoDatabase readModelDatabase;
    @Autowired
    ReadModelGenerations generations;
    @Autowired
    ProjectionAdmin admin;

    /** The projection's collection {@code name} of its live generation. */
    private String live(String projection, String name) {
        return ReadModelGenerations.name(name, generations.refresh(projection));
    }

    private static String projectionOf(String collection) {
        return COLLECTIONS.entrySet().stream().filter(e -> e.getValue().contains(collection)).findFirst()
                .orElseThrow().getKey();
    }

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
        append("Course", id, 5, new CostRecorded(course, "k1", Program.KOICA, Direction.INBOUND, "Kenya", 2061,
                CostCategory.EDUCATION, 2_500_000L, Payer.KOICA, null));
        append("Course", id, 6, new CommissionRecorded(course, 9_000_000L, LocalDate.of(2061, 5, 2), 2061));
        String agreement = newId();
        append("Agreement", agreement, 0, new AgreementRecorded(new AgreementId(agreement), Province.of("Hebei"),
                AgreementClassification.GENERAL, YearMonth.of(2013, 1)));
    }

    private Map<String, List<Document>> readModels() {
        Map<String, List<Document>> all = new TreeMap<>();
        COLLECTIONS.keySet().forEach(projection -> all.putAll(readModels(projection)));
        return all;
    }

    private TrackingEventProcessor processor(String projection) {
        return processing.eventProcessor(projection, TrackingEventProcessor.class).orElseThrow();
    }

    /** Every processor at the head, and no rebuild running. */
    private void awaitCaughtUp() {
        long head = processor(ProcessingGroups.ROSTERS).getMessageSource().createHeadToken().position().orElse(0L);
        await().atMost(Duration.ofSeconds(30)).until(() -> ProcessingGroups.ALL.stream().allMatch(projection -> {
            TrackingEventProcessor processor = processor(projection);
            return !processor.processingStatus().isEmpty() && generations.building(projection).isEmpty()
                    && processor.processingStatus().values().stream().allMatch(s -> s.isCaughtUp()
                    && s.getCurrentPosition().orElse(-1L) >= head);
        }));
    }

    /** Every processor reset in place (Axon's {@code resetTokens()}: the reset handlers drop the live generation). */
    private void resetAll() {
        for (String projection : ProcessingGroups.ALL) {
            TrackingEventProcessor processor = processor(projection);
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
    }

    /** A replay of one projection through the admin: rebuilt beside the live generation, then switched. */
    private void replay(String projection) {
        int before = generations.refresh(projection);
        assertThat(admin.replay(projection)).isPresent();
        await().atMost(Duration.ofSeconds(30)).until(() -> generations.refresh(projection) == before + 1
                && generations.building(projection).isEmpty());
    }

    /** The collections of each projection. */
    static final Map<String, List<String>> COLLECTIONS = Map.of(
            ProcessingGroups.COURSE_SUMMARIES, List.of("course_summaries", "course_year_rows"),
            ProcessingGroups.ROSTERS, List.of("rosters"),
            ProcessingGroups.YEARLY_PERFORMANCE, List.of("yearly_performance_rows", "yearly_performance_years"),
            ProcessingGroups.KOICA_PIPELINE, List.of("pipeline_courses", "pipeline_year_rows"),
            ProcessingGroups.AGREEMENTS, List.of("agreements"),
            ProcessingGroups.AUDIT_LOG, List.of("audit_log", "audit_log_days"),
            ProcessingGroups.COSTS, List.of("cost_rows", "cost_commission_rows"));

    /**
     * Changes every document of the projection the way its handlers would undo if they saw an old event again:
     * versioned documents (and listing entries) get version -1 (any event applies again), report rows -1 people,
     * agreements another province, audit entries a mark (an entry is overwritten by its event); each day of the audit
     * log gets a mark that only its reset handler would remove.
     */
    private void tamper(String projection) {
        for (String name : COLLECTIONS.get(projection)) {
            var collection = readModelDatabase.getCollection(live(projection, name));
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
                if (d.containsKey("people")) {
                    d.put("people", -1); // a report row
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
            all.put(name, readModelDatabase.getCollection(live(projection, name)).find().sort(Sorts.ascending("_id"))
                    .into(new ArrayList<>()));
        }
        return all;
    }

    private Document one(String collection, Object id) {
        Document found = readModelDatabase.getCollection(live(projectionOf(collection), collection))
                .find(Filters.eq("_id", id)).first();
        assertThat(found).as(collection + " " + id).isNotNull();
        return found;
    }

    @Test
    void everyReadModelRunsOnATrackingProcessorOfItsOwnWithItsTokenInMongo() {
        appendSomeHistory();
        for (String group : ProcessingGroups.ALL) {
            assertThat(processing.eventProcessorByProcessingGroup(group)).as(group).containsSame(processor(group));
            assertThat(processing.tokenStore(group)).isInstanceOfSatisfying(ClaimWatchingTokenStore.class,
                    store -> assertThat(store.delegate()).isInstanceOf(MongoTokenStore.class));
            // no JDBC transaction: the token is then stored after the batch's bulk writes, not before the batch
            assertThat(processing.transactionManager(group)).isSameAs(NoTransactionManager.instance());
        }
        awaitCaughtUp();
        for (String group : ProcessingGroups.ALL) {
            assertThat(readModelDatabase.getCollection("trackingtokens").countDocuments(Filters.eq("processorName", group)))
                    .as(group).isEqualTo(1);
        }
    }

    @Test
    void aResetWithNoContextRebuildsAllProjections() {
        appendSomeHistory();
        awaitCaughtUp();
        Map<String, List<Document>> before = readModels();
        assertThat(before).containsKeys("course_summaries", "course_year_rows", "rosters", "yearly_performance_rows",
                "yearly_performance_years", "pipeline_courses", "pipeline_year_rows", "agreements", "audit_log", "audit_log_days", "cost_rows",
                "cost_commission_rows");
        ProcessingGroups.ALL.forEach(this::tamper);

        resetAll();
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

            replay(projection);
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

        replay(ProcessingGroups.ROSTERS);
        awaitCaughtUp();
        assertThat(readModels(ProcessingGroups.ROSTERS)).isEqualTo(rostersBefore);
        for (String other : others) {
            assertThat(readModels(other)).as(other).isEqualTo(tampered.get(other));
        }

        resetAll(); // the other test classes share this database: rebuild what was tampered with
        awaitCaughtUp();
    }

    @Test
    void eventsArrivingDuringAReplayReachEveryProjection() {
        appendSomeHistory();
        awaitCaughtUp();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        admin.holdSwitch(ProcessingGroups.AGREEMENTS, release);
        assertThat(admin.replay(ProcessingGroups.AGREEMENTS)).isPresent();
        String id = newId(); // appended while the agreements are rebuilt
        CourseId course = new CourseId(id);
        Period period = new Period(LocalDate.of(2062, 3, 2), LocalDate.of(2062, 3, 9));
        append("Course", id, 0, new CourseProposed(course, "During", Program.KOICA, Direction.INBOUND, "Ghana", 5, null));
        append("Course", id, 1, new CourseScheduled(course, period));
        append("Course", id, 2, TestEnrolments.plain(course, new TraineeId("d1"),
                new Trainee("Kofi", "Ghana", "Ministry", "Officer", TraineeLevel.MID_LEVEL), 1));
        append("Course", id, 3, new CourseStarted(course, 1));
        admin.releaseSwitch(ProcessingGroups.AGREEMENTS);
        append("Course", id, 4, new CourseCompleted(course, Program.KOICA, Direction.INBOUND, "Ghana", period,
                List.of(new TraineeId("d1"))));
        awaitCaughtUp();

        assertThat(one("course_summaries", id).getLong("version")).isEqualTo(4L);
        assertThat(one("course_year_rows", "2062:" + id).getString("courseId")).isEqualTo(id);
        assertThat(one("pipeline_courses", id).getLong("version")).isEqualTo(4L);
        assertThat(one("pipeline_year_rows", "2062:" + id).getString("courseId")).isEqualTo(id);
        assertThat(one("rosters", id).getList("trainees", Document.class)).hasSize(1);
        assertThat(one("yearly_performance_rows", "2062:" + id).getInteger("people")).isEqualTo(1);
        long audited = 0;
        for (Document chunk : readModelDatabase.getCollection("audit_log").find()) {
            audited += chunk.get("entries", Document.class).values().stream()
                    .filter(e -> id.equals(((Document) e).getString("courseId"))).count();
        }
        assertThat(audited).isEqualTo(5);
    }
}
