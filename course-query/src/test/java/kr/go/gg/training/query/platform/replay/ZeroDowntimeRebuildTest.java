package kr.go.gg.training.query.platform.replay;

import kr.go.gg.training.query.TestEnrolments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.enrollment.Trainee;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.query.QueryApplicationTest;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import kr.go.gg.training.query.platform.readmodel.ReadModelGenerations;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A replay builds the projection's next generation beside the live one: queries answer from the live generation,
 * which keeps following events, until the rebuild has caught up and switches; the other projections follow live
 * events throughout. The switch is held by the test hook ({@link ProjectionAdmin#holdSwitch}) so the test can look
 * at a rebuild that has built everything but not switched yet.
 */
class ZeroDowntimeRebuildTest extends QueryApplicationTest {

    private static final String SUMMARIES = "course_summaries";

    @Autowired
    ProjectionAdmin admin;
    @Autowired
    MongoDatabase readModelDatabase;
    @Autowired
    ReadModelGenerations generations;

    private HttpResponse<String> replay(String name) throws Exception {
        return http.send(request("admin", "/api/admin/projections/" + name + "/replay")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode status(String name) throws Exception {
        for (JsonNode status : body(get("auditor", "/api/admin/projections"))) {
            if (status.get("name").asText().equals(name)) {
                return status;
            }
        }
        throw new AssertionError("no projection " + name);
    }

    private List<String> courses(int year, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(proposeScheduledCourse(year, Program.KOICA));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(body(get("viewer", "/api/courses?year=" + year))).hasSize(count));
        return ids;
    }

    private int building(String projection) {
        return generations.building(projection).map(b -> b.getInteger("generation")).orElseThrow();
    }

    @Test
    void aQueryDuringAReplayAnswersTheCompleteLiveGenerationAndAfterTheSwitchTheNewOne() throws Exception {
        List<String> ids = courses(2081, 30);
        String listing = get("viewer", "/api/courses?year=2081").body();
        int live = generations.refresh(ProcessingGroups.COURSE_SUMMARIES);
        CountDownLatch release = new CountDownLatch(1);
        admin.holdSwitch(ProcessingGroups.COURSE_SUMMARIES, release);
        try {
            assertThat(replay(ProcessingGroups.COURSE_SUMMARIES).statusCode()).isEqualTo(202);
            int next = building(ProcessingGroups.COURSE_SUMMARIES);
            assertThat(next).isEqualTo(live + 1);
            String rebuilt = ReadModelGenerations.name(SUMMARIES, next);
            // the rebuild has caught up and written the new generation; the switch waits
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    readModelDatabase.getCollection(rebuilt).countDocuments(new Document("_id", ids.get(0))) == 1);
            // a mark only the new generation carries: no query shows it before the switch
            readModelDatabase.getCollection(rebuilt).updateOne(new Document("_id", ids.get(0)),
                    new Document("$set", new Document("title", "Rebuilt generation")));
            assertThat(status(ProcessingGroups.COURSE_SUMMARIES).get("replaying").asBoolean()).isTrue();
            assertThat(get("viewer", "/api/courses?year=2081").body()).isEqualTo(listing);
            assertThat(get("viewer", "/api/courses/" + ids.get(0)).body()).doesNotContain("Rebuilt generation");

            // the live generation keeps following events during the replay, and so do the other projections
            String late = proposeScheduledCourse(2081, Program.KOICA);
            append("Course", ids.get(1), 2, TestEnrolments.plain(new CourseId(ids.get(1)), new TraineeId("z1"),
                    new Trainee("Zaw", "Myanmar", "Ministry", "Officer", null), 1));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(get("viewer", "/api/courses/" + late).statusCode()).isEqualTo(200);
                assertThat(get("staff", "/api/courses/" + ids.get(1) + "/trainees").body()).contains("Zaw");
            });
            assertThat(status(ProcessingGroups.COURSE_SUMMARIES).get("replaying").asBoolean()).isTrue();
        } finally {
            admin.releaseSwitch(ProcessingGroups.COURSE_SUMMARIES);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(status(ProcessingGroups.COURSE_SUMMARIES).get("replaying").asBoolean()).isFalse());
        assertThat(generations.refresh(ProcessingGroups.COURSE_SUMMARIES)).isEqualTo(live + 1);
        // after the switch the new generation answers: the mark, and what the rebuild caught up on before it
        assertThat(get("viewer", "/api/courses/" + ids.get(0)).body()).contains("Rebuilt generation");
        assertThat(body(get("viewer", "/api/courses?year=2081"))).hasSize(31);
        assertThat(get("viewer", "/api/courses/" + ids.get(1)).body()).contains("\"enrolled\":1");
        // and it follows new events; the old generation is dropped
        String after = proposeScheduledCourse(2081, Program.KOICA);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(get("viewer", "/api/courses/" + after).statusCode()).isEqualTo(200));
        String old = ReadModelGenerations.name(SUMMARIES, live);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                readModelDatabase.getCollection(old).countDocuments() == 0);
    }

    @Test
    void aRebuildInterruptedByARestartStartsOverAndTheLiveGenerationStaysTheOldOneUntilItSwitches() throws Exception {
        List<String> ids = courses(2082, 5);
        String roster = get("staff", "/api/courses/" + ids.get(0) + "/trainees").body();
        int live = generations.refresh(ProcessingGroups.ROSTERS);
        CountDownLatch release = new CountDownLatch(1);
        admin.holdSwitch(ProcessingGroups.ROSTERS, release);
        try {
            assertThat(replay(ProcessingGroups.ROSTERS).statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> readModelDatabase.getCollection(
                    ReadModelGenerations.name("rosters", live + 1)).countDocuments(new Document("_id", ids.get(0))) == 1);

            admin.stop(); // the node goes down mid-rebuild: its record stays, nothing switches
            // the stop returns once the rebuild has ended: Axon stops the processors next, and a switch still under
            // way would start one again behind their back
            assertThat(admin.rebuilding(ProcessingGroups.ROSTERS)).as("a rebuild running after the stop").isFalse();
            assertThat(generations.refresh(ProcessingGroups.ROSTERS)).isEqualTo(live);
            assertThat(status(ProcessingGroups.ROSTERS).get("replaying").asBoolean()).isTrue();
            assertThat(get("staff", "/api/courses/" + ids.get(0) + "/trainees").body()).isEqualTo(roster);

            admin.start(); // back up: it finds its own rebuild on record and starts it over
            await().atMost(Duration.ofSeconds(10)).until(() -> admin.rebuilding(ProcessingGroups.ROSTERS));
            assertThat(building(ProcessingGroups.ROSTERS)).isEqualTo(live + 1);
            assertThat(generations.refresh(ProcessingGroups.ROSTERS)).isEqualTo(live);
        } finally {
            admin.releaseSwitch(ProcessingGroups.ROSTERS);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(status(ProcessingGroups.ROSTERS).get("replaying").asBoolean()).isFalse());
        assertThat(generations.refresh(ProcessingGroups.ROSTERS)).isEqualTo(live + 1);
        assertThat(get("staff", "/api/courses/" + ids.get(0) + "/trainees").body()).isEqualTo(roster);
    }

    @Test
    void aRebuildOfSeveralProjectionsAtOnceWhereOneFailsSwitchesTheOthersAndLeavesTheFailedOneLive() throws Exception {
        List<String> ids = courses(2083, 6);
        String listing = get("viewer", "/api/courses?year=2083").body();
        List<String> projections = List.of(ProcessingGroups.COURSE_SUMMARIES, ProcessingGroups.ROSTERS,
                ProcessingGroups.KOICA_PIPELINE);
        List<Object> marked = readModelDatabase.getCollection(ReadModelGenerations.name(SUMMARIES,
                        generations.refresh(ProcessingGroups.COURSE_SUMMARIES)))
                .find(new Document("title", "Rebuilt generation")).map(d -> d.get("_id")).into(new ArrayList<>());
        java.util.Map<String, Integer> live = new java.util.HashMap<>();
        projections.forEach(p -> live.put(p, generations.refresh(p)));
        kr.go.gg.training.query.SilencedLoggers quiet = new kr.go.gg.training.query.SilencedLoggers();
        quiet.silence(List.of(RebuildTarget.class.getName())); // the failure below is on purpose
        try {
            projections.forEach(admin::replay); // within the gather: one read, the targets on the pool
            // the summaries' next generation refuses its second document (a unique index on a field none has): its
            // write fails, while the others write theirs
            readModelDatabase.getCollection(ReadModelGenerations.name(SUMMARIES, live.get(ProcessingGroups.COURSE_SUMMARIES) + 1))
                    .createIndex(new Document("absent", 1), new com.mongodb.client.model.IndexOptions().unique(true));
            await().atMost(Duration.ofSeconds(30)).until(() -> projections.stream().noneMatch(admin::rebuilding));
        } finally {
            quiet.restore();
        }
        assertThat(generations.refresh(ProcessingGroups.ROSTERS)).isEqualTo(live.get(ProcessingGroups.ROSTERS) + 1);
        assertThat(generations.refresh(ProcessingGroups.KOICA_PIPELINE))
                .isEqualTo(live.get(ProcessingGroups.KOICA_PIPELINE) + 1);
        assertThat(readModelDatabase.getCollection(ReadModelGenerations.name("rosters",
                live.get(ProcessingGroups.ROSTERS) + 1)).countDocuments(new Document("_id", ids.get(5)))).isEqualTo(1);
        // the failed one: still the old generation, answering in full, its failure on record
        assertThat(generations.refresh(ProcessingGroups.COURSE_SUMMARIES))
                .isEqualTo(live.get(ProcessingGroups.COURSE_SUMMARIES));
        assertThat(generations.pointer(ProcessingGroups.COURSE_SUMMARIES).get("lastFailure", Document.class)
                .getInteger("generation")).isEqualTo(live.get(ProcessingGroups.COURSE_SUMMARIES) + 1);
        assertThat(generations.building(ProcessingGroups.COURSE_SUMMARIES)).isEmpty();
        assertThat(get("viewer", "/api/courses?year=2083").body()).isEqualTo(listing);
        // and every live processor follows new events again
        proposeScheduledCourse(2083, Program.KOICA);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(body(get("viewer", "/api/courses?year=2083"))).hasSize(7));
    }

    @Autowired
    org.axonframework.config.EventProcessingConfiguration processing;
    @Autowired
    kr.go.gg.training.query.platform.readmodel.StoredTokens readModelStoredTokens;
    @Autowired
    kr.go.gg.training.query.platform.nodes.ReadModelNodes readModelNodes;
    @Autowired
    kr.go.gg.training.query.platform.readmodel.ReadModelDeadLetters readModelDeadLetters;

    /**
     * Every document of every collection of {@code projection}'s generation {@code generation}, by collection, but the
     * course that the first test marked in its rebuilt generation (no event carries the mark).
     */
    private java.util.Map<String, List<Document>> documents(String projection, int generation, List<Object> marked) {
        java.util.Map<String, List<Document>> all = new java.util.TreeMap<>();
        for (String base : generations.collections(projection)) {
            all.put(base, readModelDatabase.getCollection(ReadModelGenerations.name(base, generation))
                    .find(new Document("_id", new Document("$nin", marked)))
                    .sort(new Document("_id", 1)).into(new ArrayList<>()));
        }
        return all;
    }

    @Test
    void aReplayOfEveryProjectionAtOnceWithSmallBuffersBuildsWhatTheLiveGenerationsHold() throws Exception {
        for (String id : courses(2084, 4)) {
            for (int t = 1; t <= 3; t++) {
                append("Course", id, 1 + t, TestEnrolments.plain(new CourseId(id), new TraineeId(id + "-t" + t),
                        new Trainee("Trainee " + t, "Peru", "Ministry", "Officer", null), t));
            }
        }
        long head = processing.eventProcessor(ProcessingGroups.ROSTERS,
                org.axonframework.eventhandling.TrackingEventProcessor.class).orElseThrow()
                .getMessageSource().createHeadToken().position().orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> ProcessingGroups.ALL.stream().allMatch(p -> {
            var status = processing.eventProcessor(p, org.axonframework.eventhandling.TrackingEventProcessor.class)
                    .orElseThrow().processingStatus();
            return !status.isEmpty() && status.values().stream().allMatch(s -> s.getCurrentPosition().orElse(-1L) >= head);
        }));
        List<Object> marked = readModelDatabase.getCollection(ReadModelGenerations.name(SUMMARIES,
                        generations.refresh(ProcessingGroups.COURSE_SUMMARIES)))
                .find(new Document("title", "Rebuilt generation")).map(d -> d.get("_id")).into(new ArrayList<>());
        java.util.Map<String, Integer> live = new java.util.HashMap<>();
        java.util.Map<String, java.util.Map<String, List<Document>>> before = new java.util.HashMap<>();
        ProcessingGroups.ALL.forEach(p -> {
            live.put(p, generations.refresh(p));
            before.put(p, documents(p, live.get(p), marked));
        });
        // a buffer of 3 documents and batches of 5 events: each target writes many times while the others read on,
        // and reads back from the database what it wrote
        ProjectionAdmin small = ProjectionReplayConfiguration.admin(processing, readModelStoredTokens, readModelNodes,
                generations, readModelDeadLetters, Duration.ofSeconds(5), 1, 5, 3, Duration.ofMillis(500),
                readModelDeadLetters::adopt);
        admin.stop(); // one admin of this node's rebuilds at a time
        small.start();
        try {
            ProcessingGroups.ALL.forEach(small::replay);
            await().atMost(Duration.ofSeconds(60)).until(() -> ProcessingGroups.ALL.stream().noneMatch(small::rebuilding));
        } finally {
            small.stop();
            admin.start();
        }
        for (String projection : ProcessingGroups.ALL) {
            assertThat(generations.refresh(projection)).as(projection).isEqualTo(live.get(projection) + 1);
            assertThat(documents(projection, live.get(projection) + 1, marked)).as(projection).isEqualTo(before.get(projection));
        }
    }
}
