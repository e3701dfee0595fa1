package kr.go.gg.training.standalone.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static kr.go.gg.training.standalone.cluster.CourseSteps.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP contract (docs/api.md) in the production shape: two command nodes and two query nodes on one Axon Server
 * ({@link ClusterNodes}). Every command and query answers as on the embedded default, through either node;
 * idempotency holds across nodes; agreements recorded on one node hold on every node; a replay on one query node
 * leaves both answering the same complete read models. Axon Server keeps its events across runs: every check
 * filters by this run's own ids and titles.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ContractClusterIT extends ClusterTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @BeforeAll
    static void startCluster() {
        if (!startTwoAndTwo()) {
            return;
        }
        // the read models of a fresh MongoDB database catch up with everything Axon Server holds
        long start = System.nanoTime();
        sentinel(Duration.ofSeconds(90));
        caughtUpSince(start);
    }

    private static String title(String what) {
        return "Cluster " + cluster.run + " " + what + " " + SEQUENCE.incrementAndGet();
    }

    /**
     * A course proposed after everything a test did, read through both query nodes: once it is there, every event
     * appended before it has been handled (one ordered stream), so counts of the read side are final.
     */
    /**
     * Waits until both query nodes show courses proposed now, so that what was written before is visible too. The read
     * side has two segments (per course), each with its own position: one sentinel course tells about its own
     * segment only, so twelve are proposed (all twelve in one segment: one chance in 2,048).
     */
    private static void sentinel(Duration timeout) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ClusterApi.Answer proposed = command2.post("staff", "/api/courses", koica("Cluster " + cluster.run + " sentinel", 1));
            assertStatus(proposed, 201);
            ids.add(proposed.json().get("courseId").asText());
        }
        for (ClusterApi query : List.of(query1, query2)) {
            // ?minVersion waits at most 10 s per request: a fresh read side may need several
            long deadline = System.nanoTime() + timeout.toNanos();
            for (String id : ids) {
                ClusterApi.Answer read = query.get("viewer", "/api/courses/" + id + "?minVersion=0");
                while (read.status() != 200 && System.nanoTime() < deadline) {
                    AxonServerUnderTest.sleep(500);
                    read = query.get("viewer", "/api/courses/" + id + "?minVersion=0");
                }
                assertStatus(read, 200);
            }
        }
    }

    // ---- 1. the contract through either node ------------------------------------------------------------------

    @Test
    void a_koica_course_walks_its_whole_workflow_with_commands_through_either_command_node_and_reads_through_either_query_node() {
        String title = title("KOICA walk");
        ClusterApi.Answer proposed = command1.post("staff", "/api/courses", koica(title, 2));
        assertStatus(proposed, 201);
        String id = proposed.json().get("courseId").asText();
        String course = "/api/courses/" + id;
        assertThat(proposed.header("Location")).as(proposed.toString()).hasValueSatisfying(l -> assertThat(l).endsWith(course));
        JsonNode read = readAtVersion(query1, id, proposed.courseVersion());
        assertThat(read.path("title").asText()).isEqualTo(title);
        assertThat(read.path("status").asText()).isEqualTo("PROPOSED");

        List<ClusterApi> commands = List.of(command2, command1);
        List<ClusterApi> queries = List.of(query2, query1);
        int i = 0;
        for (String[] step : KOICA_TO_SCHEDULED) {
            ClusterApi.Answer answer = commands.get(i % 2).post("staff", course + step[0], step[1]);
            assertStatus(answer, 204);
            assertThat(readAtVersion(queries.get(i % 2), id, answer.courseVersion()).path("status").asText())
                    .as("after %s through %s", step[0], answer.node()).isEqualTo(step[2]);
            i++;
        }

        ClusterApi.Answer first = command1.post("staff", course + "/trainees", koicaTrainee("Ali Hassan"));
        assertStatus(first, 201);
        ClusterApi.Answer second = command2.post("staff", course + "/trainees", koicaTrainee("Layla Karim"));
        assertStatus(second, 201);
        ClusterApi.Answer full = command1.post("staff", course + "/trainees", koicaTrainee("Omar Saleh"));
        assertProblem(full, 409);
        assertThat(readAtVersion(query1, id, second.courseVersion()).path("enrolled").asInt()).isEqualTo(2);

        String firstTrainee = first.json().get("traineeId").asText();
        ClusterApi.Answer withdrawn = command2.post("staff", course + "/trainees/" + firstTrainee + "/withdrawal", WITHDRAWAL);
        assertStatus(withdrawn, 204);
        assertThat(readAtVersion(query2, id, withdrawn.courseVersion()).path("enrolled").asInt()).isEqualTo(1);

        assertStatus(command1.post("staff", course + "/start", "{}"), 204);
        ClusterApi.Answer completed = command2.post("staff", course + "/completion", "{}");
        assertStatus(completed, 204);
        JsonNode done = readAtVersion(query1, id, completed.courseVersion());
        assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.path("enrolled").asInt()).isEqualTo(1);
        assertThat(done.path("startDate").asText()).isEqualTo("2019-08-23");
        assertThat(readAtVersion(query2, id, completed.courseVersion()).path("status").asText()).isEqualTo("COMPLETED");

        for (ClusterApi query : List.of(query1, query2)) {
            ClusterApi.Answer roster = query.get("auditor", course + "/trainees");
            assertStatus(roster, 200);
            assertThat(roster.json()).as(roster.toString()).hasSize(2);
            assertStatus(query.get("viewer", course + "/trainees"), 403);
        }

        // history and state as of, from the event store through either command node
        List<String> expectedTypes = List.of("CourseProposed", "DemandSurveyRecorded");
        for (ClusterApi command : List.of(command1, command2)) {
            ClusterApi.Answer history = command.get("auditor", course + "/history");
            assertStatus(history, 200);
            JsonNode events = history.json();
            assertThat(events.size()).as(history.toString()).isEqualTo((int) completed.courseVersion() + 1);
            for (int n = 0; n < events.size(); n++) {
                assertThat(events.get(n).path("sequence").asLong()).as(history.toString()).isEqualTo(n);
                assertThat(events.get(n).path("metadata").path("user").asText()).as(history.toString()).isEqualTo("staff");
                assertThat(events.get(n).path("metadata").path("correlationId").asText()).as(history.toString()).isNotBlank();
            }
            assertThat(events.get(0).path("type").asText()).as(history.toString()).isEqualTo(expectedTypes.get(0));
            assertThat(events.get(1).path("type").asText()).as(history.toString()).isEqualTo(expectedTypes.get(1));
            ClusterApi.Answer state = command.get("auditor", course + "/state?asOf=" + Instant.now());
            assertStatus(state, 200);
            JsonNode stateCourse = state.json().has("course") ? state.json().get("course") : state.json();
            assertThat(stateCourse.path("status").asText()).as(state.toString()).isEqualTo("COMPLETED");
        }
    }

    @Test
    void a_china_course_with_an_agreement_is_proposed_scheduled_and_enrolled_through_either_command_node() {
        String province = RECORDED_PROVINCES.get(ThreadLocalRandom.current().nextInt(RECORDED_PROVINCES.size()));
        ClusterApi.Answer recorded = command1.post("staff", "/api/agreements", agreement(province));
        assertThat(recorded.status()).as("recorded, or recorded by an earlier run: " + recorded).isIn(200, 201);
        assertThat(recorded.json().path("agreementId").asText()).as(recorded.toString()).isNotBlank();

        // three proposals: each new course id may be routed to another command node
        List<ClusterApi.Answer> proposals = List.of(command2.post("staff", "/api/courses", china(title("China"), province, 5)),
                command2.post("staff", "/api/courses", china(title("China"), province, 5)),
                command1.post("staff", "/api/courses", china(title("China"), province, 5)));
        assertThat(proposals).as("China courses for %s, agreement %s", province, recorded)
                .allSatisfy(answer -> assertStatus(answer, 201));
        String id = proposals.get(0).json().get("courseId").asText();
        assertStatus(command1.post("staff", "/api/courses/" + id + "/schedule",
                "{\"startDate\":\"2021-04-13\",\"endDate\":\"2021-04-26\"}"), 204);
        ClusterApi.Answer enrolled = command2.post("staff", "/api/courses/" + id + "/trainees", chinaTrainee("Wang Wei"));
        assertStatus(enrolled, 201);
        for (ClusterApi query : List.of(query1, query2)) {
            JsonNode read = readAtVersion(query, id, enrolled.courseVersion());
            assertThat(read.path("status").asText()).isEqualTo("SCHEDULED");
            assertThat(read.path("program").asText()).isEqualTo("CHINA_EXCHANGE");
            assertThat(read.path("enrolled").asInt()).isEqualTo(1);
        }
    }

    @Test
    void the_lists_of_courses_agreements_and_the_audit_log_answer_non_empty_through_both_query_nodes() {
        String province = RECORDED_PROVINCES.get(ThreadLocalRandom.current().nextInt(RECORDED_PROVINCES.size()));
        ClusterApi.Answer recorded = command2.post("staff", "/api/agreements", agreement(province));
        assertThat(recorded.status()).as(recorded.toString()).isIn(200, 201);
        String title = title("listed");
        ClusterApi.Answer proposed = command1.post("staff", "/api/courses", koica(title, 3));
        assertStatus(proposed, 201);
        String id = proposed.json().get("courseId").asText();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String auditLog = "/api/audit-log?from=" + today.minusDays(1) + "&to=" + today.plusDays(1);

        List<String> failures = new ArrayList<>();
        for (ClusterApi query : List.of(query1, query2)) {
            readAtVersion(query, id, proposed.courseVersion());
            ClusterApi.Answer courses = query.get("viewer", "/api/courses");
            if (courses.status() != 200 || where(courses, "title", title).size() != 1) {
                failures.add("course list (expected 200 with '" + title + "' once): " + courses);
            }
            ClusterApi.Answer agreements = awaitAnswer(() -> query.get("viewer", "/api/agreements"),
                    a -> a.json().toString().toLowerCase(Locale.ROOT).contains(province.toLowerCase(Locale.ROOT)),
                    Duration.ofSeconds(10));
            if (agreements.status() != 200 || !agreements.json().isArray() || agreements.json().isEmpty()
                    || !agreements.json().toString().contains(province)) {
                failures.add("agreements (expected 200, non-empty, with " + province + "): " + agreements);
            }
            ClusterApi.Answer audit = awaitAnswer(() -> query.get("auditor", auditLog),
                    a -> !where(a, "courseId", id).isEmpty(), Duration.ofSeconds(10));
            if (audit.status() != 200 || where(audit, "courseId", id).isEmpty()) {
                failures.add("audit log (expected 200 with the CourseProposed of " + id + "): " + audit);
            } else {
                JsonNode entry = where(audit, "courseId", id).get(0);
                if (!"staff".equals(entry.path("user").asText()) || !"CourseProposed".equals(entry.path("action").asText())) {
                    failures.add("audit log entry (expected user staff, action CourseProposed): " + entry);
                }
            }
            for (String[] read : List.of(new String[]{"viewer", "/api/reports/yearly-performance?from=2019&to=2019", "years"},
                    new String[]{"viewer", "/api/pipeline?year=2019", "stages"},
                    new String[]{"auditor", "/api/admin/projections", null})) {
                ClusterApi.Answer answer = query.get(read[0], read[1]);
                if (answer.status() != 200 || (read[2] != null && !answer.json().has(read[2]))) {
                    failures.add(read[1] + " (expected 200 with " + read[2] + "): " + answer);
                }
            }
        }
        assertThat(failures).as("answers that differ from the embedded default").isEmpty();
    }

    @Test
    void a_min_version_beyond_anything_written_is_refused_at_once_on_either_query_node() {
        ClusterApi.Answer proposed = command1.post("staff", "/api/courses", koica(title("beyond"), 1));
        assertStatus(proposed, 201);
        String id = proposed.json().get("courseId").asText();
        for (ClusterApi query : List.of(query1, query2)) {
            readAtVersion(query, id, proposed.courseVersion());
            // a version Axon Server has not written is refused at once (409), as on the embedded default: the query
            // node asks the event store for the course's last sequence number instead of waiting for it
            ClusterApi.Answer beyond = query.get("viewer", "/api/courses/" + id + "?minVersion=1000000");
            assertThat(beyond.status()).as(beyond.toString()).isEqualTo(409);
            assertThat(beyond.toString()).contains("application/problem+json");
            assertThat(beyond.millis()).as(beyond.toString()).isLessThan(5_000);
        }
    }

    // ---- 3. idempotency across nodes ----------------------------------------------------------------------------

    @Test
    void the_same_keyed_proposal_through_node_1_then_node_2_then_node_1_answers_the_first_answer_and_creates_one_course() {
        String title = title("keyed proposal");
        Map<String, String> key = Map.of("Idempotency-Key", "cluster-" + cluster.run + "-propose-" + SEQUENCE.incrementAndGet());
        ClusterApi.Answer first = command1.post("staff", "/api/courses", koica(title, 4), key);
        assertStatus(first, 201);
        List<ClusterApi.Answer> again = List.of(command2.post("staff", "/api/courses", koica(title, 4), key),
                command1.post("staff", "/api/courses", koica(title, 4), key),
                command2.post("staff", "/api/courses", koica(title, 4), key));
        for (ClusterApi.Answer answer : again) {
            assertStatus(answer, 201);
            assertThat(answer.json()).as(answer + " (first: " + first + ")").isEqualTo(first.json());
            assertThat(answer.header("Location")).as(answer.toString()).isEqualTo(first.header("Location"));
            assertThat(answer.replayed()).as("Idempotent-Replayed: true on " + answer).isTrue();
        }
        sentinel(Duration.ofSeconds(20));
        for (ClusterApi query : List.of(query1, query2)) {
            ClusterApi.Answer courses = query.get("viewer", "/api/courses");
            assertStatus(courses, 200);
            assertThat(where(courses, "title", title)).as("courses titled '" + title + "' through " + query.name()).hasSize(1);
        }
        ClusterApi.Answer history = command2.get("auditor", "/api/courses/" + first.json().get("courseId").asText() + "/history");
        assertStatus(history, 200);
        assertThat(history.json()).as(history.toString()).hasSize(1);
    }

    @Test
    void the_same_keyed_enrolment_through_both_command_nodes_answers_the_same_trainee_and_enrols_once() {
        String id = scheduledKoicaCourse(List.of(command1, command2), title("keyed enrolment"), 5);
        String path = "/api/courses/" + id + "/trainees";
        Map<String, String> key = Map.of("Idempotency-Key", "cluster-" + cluster.run + "-enrol-" + SEQUENCE.incrementAndGet());
        ClusterApi.Answer first = command1.post("staff", path, koicaTrainee("Noor Ahmed"), key);
        assertStatus(first, 201);
        for (ClusterApi.Answer answer : List.of(command2.post("staff", path, koicaTrainee("Noor Ahmed"), key),
                command1.post("staff", path, koicaTrainee("Noor Ahmed"), key))) {
            assertStatus(answer, 201);
            assertThat(answer.json().path("traineeId").asText()).as(answer + " (first: " + first + ")")
                    .isEqualTo(first.json().path("traineeId").asText());
            assertThat(answer.replayed()).as("Idempotent-Replayed: true on " + answer).isTrue();
        }
        // a later command on the same course: once the read side shows it, it has handled every enrolment before it
        ClusterApi.Answer rescheduled = command2.post("staff", "/api/courses/" + id + "/schedule",
                "{\"startDate\":\"2019-08-24\",\"endDate\":\"2019-09-03\"}");
        assertStatus(rescheduled, 204);
        for (ClusterApi query : List.of(query1, query2)) {
            assertThat(readAtVersion(query, id, rescheduled.courseVersion()).path("enrolled").asInt())
                    .as("enrolled through " + query.name()).isEqualTo(1);
        }
        ClusterApi.Answer roster = query2.get("staff", path);
        assertStatus(roster, 200);
        assertThat(roster.json()).as(roster.toString()).hasSize(1);
    }

    @Test
    void the_same_key_with_a_different_body_is_refused_409_through_either_command_node() {
        Map<String, String> key = Map.of("Idempotency-Key", "cluster-" + cluster.run + "-reused-" + SEQUENCE.incrementAndGet());
        String title = title("reused key");
        ClusterApi.Answer first = command1.post("staff", "/api/courses", koica(title, 6), key);
        assertStatus(first, 201);
        for (ClusterApi command : List.of(command2, command1)) {
            ClusterApi.Answer other = command.post("staff", "/api/courses", koica(title + " (changed)", 6), key);
            assertProblem(other, 409);
        }
        ClusterApi.Answer same = command2.post("staff", "/api/courses", koica(title, 6), key);
        assertStatus(same, 201);
        assertThat(same.json()).as(same + " (first: " + first + ")").isEqualTo(first.json());
    }

    @Test
    void eight_concurrent_keyed_proposals_spread_over_both_command_nodes_all_answer_the_first_answer_and_create_one_course()
            throws Exception {
        String title = title("concurrent keyed proposal");
        Map<String, String> key = Map.of("Idempotency-Key", "cluster-" + cluster.run + "-race-" + SEQUENCE.incrementAndGet());
        CyclicBarrier together = new CyclicBarrier(8);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<ClusterApi.Answer>> sent = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            ClusterApi node = n % 2 == 0 ? command1 : command2;
            sent.add(clients.submit(() -> {
                together.await();
                return node.post("staff", "/api/courses", koica(title, 7), key);
            }));
        }
        List<ClusterApi.Answer> answers = new ArrayList<>();
        for (Future<ClusterApi.Answer> answer : sent) {
            answers.add(answer.get());
        }
        clients.shutdown();
        answers.forEach(a -> System.out.println("[cluster] concurrent keyed proposal: " + a));

        assertThat(answers).as("every answer").allSatisfy(answer -> assertStatus(answer, 201));
        Set<JsonNode> bodies = new HashSet<>();
        answers.forEach(answer -> bodies.add(answer.json()));
        assertThat(bodies).as("distinct bodies of the 8 answers").hasSize(1);
        sentinel(Duration.ofSeconds(20));
        ClusterApi.Answer courses = query1.get("viewer", "/api/courses");
        assertStatus(courses, 200);
        assertThat(where(courses, "title", title)).as("courses titled '" + title + "'").hasSize(1);
    }

    // ---- 4. agreements hold on every command node ----------------------------------------------------------------

    @Test
    void an_agreement_recorded_through_node_1_lets_china_courses_be_proposed_through_node_2_and_through_a_node_started_later() {
        String province = RECORDED_PROVINCES.get(ThreadLocalRandom.current().nextInt(RECORDED_PROVINCES.size()));
        ClusterApi.Answer recorded = command1.post("staff", "/api/agreements", agreement(province));
        assertThat(recorded.status()).as(recorded.toString()).isIn(200, 201);

        List<ClusterApi.Answer> refused = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            ClusterApi.Answer proposed = command2.post("staff", "/api/courses", china(title("China via node 2"), province, 10));
            if (proposed.status() != 201) {
                refused.add(proposed);
            }
        }
        long start = System.nanoTime();
        ClusterNodes.Node late = cluster.startCommandNode("command-3");
        try {
            System.out.printf("[cluster] a late command node joined in %d ms%n", (System.nanoTime() - start) / 1_000_000);
            for (int n = 0; n < 4; n++) {
                for (ClusterApi command : List.of(late.api, command2)) {
                    ClusterApi.Answer proposed = command.post("staff", "/api/courses",
                            china(title("China via " + command.name()), province, 10));
                    if (proposed.status() != 201) {
                        refused.add(proposed);
                    }
                }
            }
        } finally {
            late.close();
        }
        assertThat(refused).as("China courses for %s (agreement recorded through command-1: %s) not accepted",
                province, recorded).isEmpty();
    }

    @Test
    void a_china_course_for_a_province_without_an_agreement_is_refused_409_through_either_command_node() {
        ClusterApi.Answer agreements = query1.get("viewer", "/api/agreements");
        String province;
        if (agreements.status() == 200) {
            String listed = agreements.json().toString().toLowerCase(Locale.ROOT);
            province = NEVER_RECORDED_PROVINCES.stream()
                    .filter(p -> !listed.contains("\"" + p.toLowerCase(Locale.ROOT) + "\""))
                    .findFirst().orElse(null);
            Assumptions.assumeTrue(province != null, "every candidate province " + NEVER_RECORDED_PROVINCES
                    + " has an agreement recorded (by an earlier run?): the refusal cannot be checked on this Axon Server");
        } else {
            // the list cannot say (the lists test reports that): a province these tests never record; a 201 then
            // cannot be told from an agreement someone else recorded, and skips
            province = NEVER_RECORDED_PROVINCES.get(0);
            System.out.println("[cluster] GET /api/agreements answered " + agreements.status() + "; checking " + province
                    + " (which these tests never record) without it");
        }
        for (ClusterApi command : List.of(command1, command2, command1, command2)) {
            ClusterApi.Answer proposed = command.post("staff", "/api/courses", china(title("China without agreement"), province, 3));
            if (agreements.status() != 200 && proposed.status() == 201) {
                Assumptions.abort("a China course for " + province + " was accepted, and the agreements list (" + agreements
                        + ") cannot tell whether someone recorded an agreement for it: " + proposed);
            }
            assertProblem(proposed, 409);
        }
    }

    // ---- 7. the read side scales out ------------------------------------------------------------------------------

    @Test
    void the_two_query_nodes_share_the_read_model_segments_one_each() {
        long start = System.nanoTime();
        java.util.function.Supplier<List<String>> owners = () -> cluster.tokenOwners().stream()
                .filter(owner -> owner.startsWith("rosters/")).map(owner -> owner.substring(owner.indexOf("owner=") + 6))
                .sorted().toList();
        while (System.nanoTime() - start < Duration.ofSeconds(20).toNanos()
                && !(owners.get().size() == 2 && owners.get().stream().distinct().count() == 2 && !owners.get().contains("null"))) {
            AxonServerUnderTest.sleep(200);
        }
        System.out.printf("[cluster] segments shared after %d ms: %s%n", (System.nanoTime() - start) / 1_000_000, cluster.tokenOwners());
        assertThat(owners.get()).hasSize(2).doesNotContain("null").doesNotHaveDuplicates();
    }

    // ---- 6. replay ---------------------------------------------------------------------------------------------

    @Test
    void a_replay_on_query_node_1_leaves_both_query_nodes_answering_the_same_complete_read_models_and_node_2_shows_its_progress() {
        List<String> mine = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            mine.add(scheduledKoicaCourse(List.of(command1, command2), title("replayed"), 2));
        }
        ClusterApi.Answer enrolled = command1.post("staff", "/api/courses/" + mine.get(0) + "/trainees", koicaTrainee("Sara Ali"));
        assertStatus(enrolled, 201);
        readAtVersion(query1, mine.get(0), enrolled.courseVersion());
        readAtVersion(query2, mine.get(0), enrolled.courseVersion());
        sentinel(Duration.ofSeconds(20));
        Map<String, String> before = details(query1, mine);
        assertThat(before).as("this test's courses before the replay, one by one through query-1").hasSize(3);
        assertThat(details(query2, mine)).as("through query-2").isEqualTo(before);

        ClusterApi.Answer replay = query1.post("admin", "/api/admin/projections/course-summaries/replay", "{}");
        long started = System.nanoTime();
        assertStatus(replay, 202);
        ClusterApi.Answer onNode2 = query2.get("auditor", "/api/admin/projections");
        ClusterApi.Answer onNode1 = query1.get("auditor", "/api/admin/projections");
        System.out.println("[cluster] replay asked on query-1: " + replay);
        System.out.println("[cluster] right after, query-2 shows " + summaries(onNode2) + ", then query-1 shows " + summaries(onNode1));
        List<String> wrong = new ArrayList<>();
        if (onNode2.status() != 200 || onNode1.status() != 200) {
            wrong.add("projection status (expected 200 on both): " + onNode2 + " / " + onNode1);
        } else if (summaries(onNode1).path("replaying").asBoolean() && !summaries(onNode2).path("replaying").asBoolean()) {
            wrong.add("query-2 says course-summaries is not replaying while query-1 (asked after it) says it is: "
                    + summaries(onNode2) + " / " + summaries(onNode1));
        }

        // while it runs, both nodes answer (never a 5xx); the rebuild is in place, as on the embedded default, so an
        // answer may lack what is not rebuilt yet: counted and printed (a rebuild beside the live model is the read
        // side's issue)
        int samples = 0;
        int incomplete = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        boolean done = false;
        while (!done && System.nanoTime() < deadline) {
            for (ClusterApi query : List.of(query1, query2)) {
                Map<String, String> seen = details(query, mine);
                samples++;
                ClusterApi.Answer listed = query.get("viewer", "/api/courses");
                boolean listIncomplete = listed.status() == 200 && !mineOf(listed, mine).equals(before);
                if (listed.status() >= 500) {
                    wrong.add("during the replay, through " + query.name() + ": " + listed);
                }
                if (!seen.equals(before) || listIncomplete) {
                    incomplete++;
                }
            }
            ClusterApi.Answer status = query1.get("auditor", "/api/admin/projections");
            done = status.status() == 200 && !summaries(status).path("replaying").asBoolean();
        }
        System.out.printf("[cluster] replay of course-summaries done after %d ms: %d samples of the nodes during it, %d of"
                + " them without this test's courses as they were%n", (System.nanoTime() - started) / 1_000_000, samples, incomplete);
        if (!done) {
            wrong.add("the replay did not end within 90 s (query-1's projection status)");
        }

        sentinel(Duration.ofSeconds(20));
        for (ClusterApi query : List.of(query1, query2)) {
            Map<String, String> after = details(query, mine);
            if (!after.equals(before)) {
                wrong.add("after the replay, through " + query.name() + ": " + after + " (before: " + before + ")");
            }
            ClusterApi.Answer status = awaitAnswer(() -> query.get("auditor", "/api/admin/projections"),
                    a -> !summaries(a).path("replaying").asBoolean() && summaries(a).path("progress").asDouble() >= 0.999,
                    Duration.ofSeconds(10));
            System.out.println("[cluster] after the replay, " + query.name() + " shows " + summaries(status));
            if (status.status() != 200 || summaries(status).path("replaying").asBoolean()
                    || summaries(status).path("progress").asDouble() < 0.999) {
                wrong.add("projection status after the replay (expected done: replaying false, progress 1.0) through "
                        + query.name() + ": " + status);
            }
        }
        ClusterApi.Answer after1 = query1.get("viewer", "/api/courses");
        ClusterApi.Answer after2 = query2.get("viewer", "/api/courses");
        if (!byId(after1).equals(byId(after2))) {
            wrong.add("the whole course list differs between the nodes: " + after1 + " / " + after2);
        }
        assertThat(wrong).as("read models or projection status during and after the replay").isEmpty();
    }

    /** courseId -> status/enrolled/title, read one by one through {@code query} (missing: not answered 200). */
    private static Map<String, String> details(ClusterApi query, List<String> ids) {
        Map<String, String> found = new TreeMap<>();
        for (String id : ids) {
            ClusterApi.Answer read = query.get("viewer", "/api/courses/" + id);
            found.put(id, read.status() != 200 ? "answered " + read.status() + " " + read.body()
                    : read.json().path("status").asText() + "/" + read.json().path("enrolled").asInt() + "/"
                    + read.json().path("title").asText());
        }
        return found;
    }

    private static JsonNode summaries(ClusterApi.Answer projections) {
        List<JsonNode> found = where(projections, "name", "course-summaries");
        return found.isEmpty() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : found.get(0);
    }

    /** courseId -> status/enrolled/title of the given courses in a course list answer. */
    private static Map<String, String> mineOf(ClusterApi.Answer list, List<String> ids) {
        Map<String, String> found = new TreeMap<>();
        if (list.status() == 200 && list.json().isArray()) {
            list.json().forEach(c -> {
                if (ids.contains(c.path("courseId").asText())) {
                    found.put(c.path("courseId").asText(), c.path("status").asText() + "/" + c.path("enrolled").asInt()
                            + "/" + c.path("title").asText());
                }
            });
        }
        return found;
    }

    private static Map<String, String> byId(ClusterApi.Answer list) {
        Map<String, String> found = new TreeMap<>();
        if (list.status() == 200 && list.json().isArray()) {
            list.json().forEach(c -> found.put(c.path("courseId").asText(), c.toString()));
        } else {
            found.put("(no list)", list.toString());
        }
        return found;
    }
}
