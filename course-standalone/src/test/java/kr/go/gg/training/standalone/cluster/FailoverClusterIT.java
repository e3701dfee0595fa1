package kr.go.gg.training.standalone.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static kr.go.gg.training.standalone.cluster.CourseSteps.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster when parts of it come and go: command nodes joining and leaving (no stale decisions), a query node
 * closed (the other keeps the read side following), Axon Server stopped (503 problems, readiness DOWN) and started
 * again (commands work, the read side follows at once). Tests run in order; each leaves at least one command and
 * one query node running and Axon Server started.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailoverClusterIT extends ClusterTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @BeforeAll
    static void startCluster() {
        cluster = ClusterNodes.startIfAvailable(2, 2);
        if (cluster == null) {
            return;
        }
        long start = System.nanoTime();
        ClusterApi.Answer proposed = commands().get(0).post("staff", "/api/courses", koica(title("sentinel"), 1));
        assertStatus(proposed, 201);
        for (ClusterApi query : queries()) {
            awaitVisible(query, proposed.json().get("courseId").asText(), 0, Duration.ofSeconds(90));
        }
        caughtUpSince(start);
    }

    private static List<ClusterApi> commands() {
        return cluster.running(ClusterNodes.Kind.COMMAND).stream().map(n -> n.api).toList();
    }

    private static List<ClusterApi> queries() {
        return cluster.running(ClusterNodes.Kind.QUERY).stream().map(n -> n.api).toList();
    }

    private static String title(String what) {
        return "Cluster " + cluster.run + " " + what + " " + SEQUENCE.incrementAndGet();
    }

    /** Polls ?minVersion (which itself waits at most 10 s) until 200 or {@code timeout}; answers the last answer. */
    private static ClusterApi.Answer awaitVisible(ClusterApi query, String id, long version, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ClusterApi.Answer read = query.get("viewer", "/api/courses/" + id + "?minVersion=" + version);
        while (read.status() != 200 && System.nanoTime() < deadline) {
            AxonServerUnderTest.sleep(100);
            read = query.get("viewer", "/api/courses/" + id + "?minVersion=" + version);
        }
        return read;
    }

    // ---- 5. no stale decisions while command nodes join and leave -------------------------------------------------

    /** One course of capacity 1 and who holds its place, as the answers so far say. */
    private static final class Place {
        final String courseId;
        String trainee;
        long version;

        Place(String courseId) {
            this.courseId = courseId;
        }
    }

    @Test
    @Order(1)
    void commands_decide_on_the_current_state_while_command_nodes_leave_and_join() {
        List<String> wrong = new ArrayList<>();
        AtomicInteger sent = new AtomicInteger();
        List<Place> places = new ArrayList<>();
        for (int n = 0; n < 12; n++) {
            places.add(new Place(scheduledKoicaCourse(commands(), title("capacity one"), 1)));
        }
        // specifically: enrol A (201), withdraw A through the other node (204), enrol B through the first (201)
        rounds("node 1 and node 2", places, 3, wrong, sent);

        cluster.node("command-2").close();
        rounds("node 2 left", places, 2, wrong, sent);

        long start = System.nanoTime();
        cluster.startCommandNode("command-3");
        System.out.printf("[cluster] command-3 joined in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        rounds("node 3 joined", places, 3, wrong, sent);

        cluster.node("command-3").close();
        rounds("node 3 left", places, 3, wrong, sent);

        // two command nodes again for the tests after this one
        cluster.startCommandNode("command-4");
        rounds("node 4 joined", places, 2, wrong, sent);

        ClusterApi query = queries().get(0);
        for (Place place : places) {
            ClusterApi.Answer read = awaitVisible(query, place.courseId, place.version, Duration.ofSeconds(10));
            if (read.status() != 200 || read.json().path("enrolled").asInt() != (place.trainee == null ? 0 : 1)) {
                wrong.add("read side of " + place.courseId + " (expected enrolled " + (place.trainee == null ? 0 : 1) + "): " + read);
            }
        }
        System.out.printf("[cluster] join/leave: %d commands over %d courses of capacity 1, %d wrong answers%n",
                sent.get(), places.size(), wrong.size());
        assertThat(wrong).as("answers that are not the correct status for the course's current state").isEmpty();
    }

    /**
     * For each course, {@code times} times: enrol while full (409) through one node, withdraw (204) through another,
     * enrol (201) through the first; the nodes rotate per course and per round, so every node receives commands for
     * every course (which node handles them is Axon Server's routing: per course, by consistent hashing).
     */
    private static void rounds(String phase, List<Place> places, int times, List<String> wrong, AtomicInteger sent) {
        List<ClusterApi> nodes = commands();
        Map<String, Long> handledBefore = new LinkedHashMap<>();
        nodes.forEach(node -> handledBefore.put(node.name(), handled(node)));
        try {
            sendRounds(phase, places, times, wrong, sent, nodes);
        } finally {
            Map<String, Long> handled = new LinkedHashMap<>();
            nodes.forEach(node -> handled.put(node.name(), handled(node) - handledBefore.get(node.name())));
            System.out.printf("[cluster] join/leave, %s: commands handled per node (course.commands) %s%n", phase, handled);
        }
    }

    /** How many commands {@code node} has handled (its course.commands timer; Axon Server routes per course). */
    private static long handled(ClusterApi node) {
        ClusterApi.Answer metric = node.get("admin", "/actuator/metrics/course.commands");
        if (metric.status() != 200) {
            return 0;
        }
        for (JsonNode measurement : metric.json().path("measurements")) {
            if ("COUNT".equals(measurement.path("statistic").asText())) {
                return measurement.path("value").asLong();
            }
        }
        return 0;
    }

    private static void sendRounds(String phase, List<Place> places, int times, List<String> wrong, AtomicInteger sent,
                                   List<ClusterApi> nodes) {
        int turn = 0;
        for (int round = 0; round < times; round++) {
            for (Place place : places) {
                ClusterApi first = nodes.get(turn % nodes.size());
                ClusterApi other = nodes.get((turn + 1) % nodes.size());
                turn++;
                String course = "/api/courses/" + place.courseId;
                if (place.trainee != null) {
                    check(phase, first.post("staff", course + "/trainees", koicaTrainee("Extra " + SEQUENCE.incrementAndGet())),
                            409, place, wrong, sent);
                    ClusterApi.Answer withdrawn = other.post("staff", course + "/trainees/" + place.trainee + "/withdrawal", WITHDRAWAL);
                    if (check(phase, withdrawn, 204, place, wrong, sent)) {
                        place.trainee = null;
                    }
                }
                ClusterApi.Answer enrolled = first.post("staff", course + "/trainees", koicaTrainee("Trainee " + SEQUENCE.incrementAndGet()));
                if (check(phase, enrolled, 201, place, wrong, sent)) {
                    place.trainee = enrolled.json().get("traineeId").asText();
                }
            }
            turn++;
        }
    }

    private static boolean check(String phase, ClusterApi.Answer answer, int expected, Place place, List<String> wrong,
                                 AtomicInteger sent) {
        sent.incrementAndGet();
        if (answer.status() == expected) {
            if (answer.courseVersion() > place.version) {
                place.version = answer.courseVersion();
            }
            return true;
        }
        wrong.add(phase + ": expected " + expected + ", got " + answer);
        System.out.println("[cluster] WRONG (" + phase + ", expected " + expected + "): " + answer);
        return false;
    }

    // ---- 7. a query node closed: the other keeps the read side following -----------------------------------------

    @Test
    @Order(2)
    void when_a_query_node_is_closed_the_other_keeps_the_read_side_following_within_ten_seconds() {
        ClusterApi command = commands().get(0);
        ClusterApi.Answer warm = command.post("staff", "/api/courses", koica(title("before take-over"), 2));
        assertStatus(warm, 201);
        for (ClusterApi query : queries()) {
            assertStatus(awaitVisible(query, warm.json().get("courseId").asText(), 0, Duration.ofSeconds(10)), 200);
        }
        System.out.println("[cluster] token owners before query-1 closes: " + cluster.tokenOwners());
        cluster.node("query-1").close();
        ClusterApi survivor = cluster.api("query-2");

        long start = System.nanoTime();
        ClusterApi.Answer proposed = command.post("staff", "/api/courses", koica(title("after take-over"), 2));
        assertStatus(proposed, 201);
        String id = proposed.json().get("courseId").asText();
        ClusterApi.Answer read = awaitVisible(survivor, id, proposed.courseVersion(), Duration.ofSeconds(10));
        long takeOver = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("[cluster] take-over: a command's result visible on query-2 %d ms after query-1 closed: %s%n",
                takeOver, read);
        System.out.println("[cluster] token owners after: " + cluster.tokenOwners());
        List<String> wrong = new ArrayList<>();
        if (read.status() != 200 || takeOver > 10_000) {
            wrong.add("the surviving query node did not show a new command's result within 10 s: " + read);
        } else {
            ClusterApi.Answer next = command.post("staff", "/api/courses/" + id + "/demand-survey", "{\"surveyedOn\":\"2017-05-10\"}");
            assertStatus(next, 204);
            long steady = System.nanoTime();
            ClusterApi.Answer again = awaitVisible(survivor, id, next.courseVersion(), Duration.ofSeconds(10));
            System.out.printf("[cluster] after the take-over: the next command visible on query-2 in %d ms%n",
                    (System.nanoTime() - steady) / 1_000_000);
            if (again.status() != 200) {
                wrong.add("after the take-over, the next command's result on query-2: " + again);
            }
        }

        // a query node joining later follows too, and answers from the shared read models
        long joined = System.nanoTime();
        ClusterNodes.Node late = cluster.startQueryNode("query-3");
        ClusterApi.Answer fromLate = awaitVisible(late.api, id, proposed.courseVersion(), Duration.ofSeconds(10));
        System.out.printf("[cluster] query-3 started and showed the course %d ms after it was asked to start: %s%n",
                (System.nanoTime() - joined) / 1_000_000, fromLate);
        System.out.println("[cluster] token owners with query-3: " + cluster.tokenOwners());
        if (fromLate.status() != 200) {
            wrong.add("a query node started later: " + fromLate);
        }
        assertThat(wrong).as("the read side after a query node closed").isEmpty();
    }

    // ---- 2. Axon Server stopped: 503 problems, readiness DOWN; started again: commands work -----------------------

    @Test
    @Order(3)
    void while_axon_server_is_stopped_commands_and_queries_answer_503_problems_with_retry_after_and_readiness_is_down() {
        cluster.axonServer.assumeCanStopAndStart();
        ClusterApi.Answer existing = commands().get(0).post("staff", "/api/courses", koica(title("before the outage"), 3));
        assertStatus(existing, 201);
        String id = existing.json().get("courseId").asText();
        for (ClusterApi query : queries()) {
            assertStatus(awaitVisible(query, id, existing.courseVersion(), Duration.ofSeconds(10)), 200);
        }

        List<String> wrong = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        long stopping = System.nanoTime();
        cluster.axonServer.stop();
        System.out.printf("[cluster] Axon Server stopped in %d ms%n", (System.nanoTime() - stopping) / 1_000_000);
        try {
            // at once, and again once the nodes have surely noticed
            for (String when : List.of("at once", "after 5 s")) {
                if (when.equals("after 5 s")) {
                    AxonServerUnderTest.sleep(5_000);
                }
                for (ClusterApi command : commands()) {
                    unavailable(when, command.post("staff", "/api/courses", koica(title("during the outage"), 3)), wrong, seen);
                    unavailable(when, command.post("staff", "/api/courses/" + id + "/demand-survey",
                            "{\"surveyedOn\":\"2017-05-10\"}"), wrong, seen);
                }
                // a query node answers its own queries from the read models, which need no Axon Server (and are as
                // current as the last event: no command can be stored meanwhile); what needs the server is 503
                for (ClusterApi query : queries()) {
                    answeredLocally(when, query.get("viewer", "/api/courses/" + id), wrong, seen);
                    answeredLocally(when, query.get("viewer", "/api/courses"), wrong, seen);
                    unavailable(when, query.get("viewer", "/api/courses/" + id + "?minVersion=" + (existing.courseVersion() + 1)),
                            wrong, seen);
                }
            }
            awaitReadinessOfAll(allRunning(), 503, Duration.ofSeconds(10));
            for (ClusterNodes.Node node : allRunning()) {
                ClusterApi.Answer anonymous = node.api.get(null, "/actuator/health/readiness");
                ClusterApi.Answer signedIn = node.api.get("admin", "/actuator/health/readiness");
                ClusterApi.Answer liveness = node.api.get(null, "/actuator/health/liveness");
                ClusterApi.Answer health = node.api.get(null, "/actuator/health");
                System.out.println("[cluster] outage, " + node + ": readiness anonymous " + anonymous);
                System.out.println("[cluster] outage, " + node + ": readiness as admin " + signedIn);
                System.out.println("[cluster] outage, " + node + ": liveness " + liveness + "; health " + health);
                for (ClusterApi.Answer readiness : List.of(anonymous, signedIn)) {
                    if (readiness.status() != 503 || !readiness.body().contains("\"DOWN\"")) {
                        wrong.add("readiness (expected 503 DOWN): " + readiness);
                    }
                }
            }
        } finally {
            long starting = System.nanoTime();
            cluster.axonServer.start();
            System.out.printf("[cluster] Axon Server started again in %d ms%n", (System.nanoTime() - starting) / 1_000_000);
        }
        seen.forEach((k, v) -> System.out.println("[cluster] outage answer " + k + ": " + v));

        // started again: every command node takes commands again
        long restarted = System.nanoTime();
        for (ClusterApi command : commands()) {
            ClusterApi.Answer works = command.post("staff", "/api/courses", koica(title("after the outage"), 3));
            while (works.status() != 201 && System.nanoTime() - restarted < Duration.ofSeconds(60).toNanos()) {
                AxonServerUnderTest.sleep(250);
                works = command.post("staff", "/api/courses", koica(title("after the outage"), 3));
            }
            System.out.printf("[cluster] %s takes commands again %d ms after Axon Server was healthy: %s%n",
                    command.name(), (System.nanoTime() - restarted) / 1_000_000, works);
            if (works.status() != 201) {
                wrong.add("after the restart (expected 201 within 60 s): " + works);
            }
        }
        awaitReadinessOfAll(allRunning(), 200, Duration.ofSeconds(30));
        for (ClusterNodes.Node node : allRunning()) {
            ClusterApi.Answer ready = node.api.get(null, "/actuator/health/readiness");
            if (ready.status() != 200) {
                wrong.add("readiness after the restart (expected 200 within 30 s): " + ready);
            }
        }
        assertThat(wrong).as("answers during and after the outage that break the contract").isEmpty();
    }

    private static List<ClusterNodes.Node> allRunning() {
        List<ClusterNodes.Node> nodes = new ArrayList<>(cluster.running(ClusterNodes.Kind.COMMAND));
        nodes.addAll(cluster.running(ClusterNodes.Kind.QUERY));
        return nodes;
    }

    /** Polls every node's anonymous readiness until all answer {@code status}, at most {@code timeout} in all. */
    private static void awaitReadinessOfAll(List<ClusterNodes.Node> nodes, int status, Duration timeout) {
        long start = System.nanoTime();
        ClusterNodes.within(timeout, () -> nodes.stream()
                .allMatch(node -> node.api.get(null, "/actuator/health/readiness").status() == status));
        System.out.printf("[cluster] waited %d ms for readiness %d on %s%n", (System.nanoTime() - start) / 1_000_000,
                status, nodes);
    }

    /** 503, problem+json, Retry-After: else one entry in {@code wrong}. */
    private static void unavailable(String when, ClusterApi.Answer answer, List<String> wrong, Map<String, String> seen) {
        seen.put(when + " " + answer.method() + " " + answer.path().replaceAll("[0-9a-f-]{36}", "{id}") + " via " + answer.node(),
                answer.toString());
        if (answer.status() != 503 || !answer.contentType().startsWith("application/problem+json")
                || answer.header("Retry-After").isEmpty()) {
            wrong.add(when + " (expected 503 problem+json with Retry-After): " + answer);
        }
    }

    private static void answeredLocally(String when, ClusterApi.Answer answer, List<String> wrong, Map<String, String> seen) {
        seen.put(when + " " + answer.method() + " " + answer.path().replaceAll("[0-9a-f-]{36}", "{id}") + " via " + answer.node(),
                answer.toString());
        if (answer.status() != 200) {
            wrong.add(when + " (expected 200 from the node's own read models): " + answer);
        }
    }

    // ---- 7. after an Axon Server restart, the read side follows at once ---------------------------------------------

    /**
     * A running query node whose read side follows (a new course visible within 10 s), so that this test measures the
     * restart and not an earlier test's failure; a new query node if none does.
     */
    private static ClusterApi followingQueryNode(ClusterApi command) {
        ClusterApi.Answer proposed = command.post("staff", "/api/courses", koica(title("before restart"), 2));
        assertStatus(proposed, 201);
        for (ClusterApi query : queries()) {
            if (awaitVisible(query, proposed.json().get("courseId").asText(), 0, Duration.ofSeconds(10)).status() == 200) {
                return query;
            }
        }
        String name = "query-" + (10 + SEQUENCE.incrementAndGet());
        System.out.println("[cluster] no running query node follows the event stream; starting " + name + " for this test");
        ClusterApi started = cluster.startQueryNode(name).api;
        assertStatus(awaitVisible(started, proposed.json().get("courseId").asText(), 0, Duration.ofSeconds(30)), 200);
        return started;
    }

    @Test
    @Order(4)
    void after_an_axon_server_restart_a_new_commands_result_is_visible_on_the_query_side_within_two_seconds() {
        cluster.axonServer.assumeCanStopAndStart();
        ClusterApi command = commands().get(0);
        ClusterApi query = followingQueryNode(command);
        cluster.axonServer.stop();
        long healthy;
        try {
            AxonServerUnderTest.sleep(2_000);
        } finally {
            cluster.axonServer.start();
            healthy = System.nanoTime();
        }
        ClusterApi.Answer first = command.post("staff", "/api/courses", koica(title("first after restart"), 2));
        while (first.status() != 201 && System.nanoTime() - healthy < Duration.ofSeconds(60).toNanos()) {
            AxonServerUnderTest.sleep(100);
            first = command.post("staff", "/api/courses", koica(title("first after restart"), 2));
        }
        long firstOk = System.nanoTime();
        assertStatus(first, 201);
        String firstId = first.json().get("courseId").asText();
        ClusterApi.Answer next = command.post("staff", "/api/courses/" + firstId + "/demand-survey", "{\"surveyedOn\":\"2017-05-10\"}");
        assertStatus(next, 204);
        long nextOk = System.nanoTime();
        ClusterApi.Answer visible = awaitVisible(query, firstId, next.courseVersion(), Duration.ofSeconds(30));
        long seen = System.nanoTime();
        System.out.printf("[cluster] restart: first successful command %d ms after Axon Server was healthy again;"
                        + " the next command's result visible on %s %d ms after the first success (%d ms after its own answer): %s%n",
                (firstOk - healthy) / 1_000_000, query.name(), (seen - firstOk) / 1_000_000, (seen - nextOk) / 1_000_000,
                visible.status());
        assertStatus(visible, 200);
        assertThat(visible.json().path("status").asText()).isEqualTo("DEMAND_SURVEYED");
        assertThat((seen - firstOk) / 1_000_000).as("ms from the first successful command to the next one's result on the query side")
                .isLessThanOrEqualTo(2_000);
    }

    // ---- 2 and 3. commands in flight when Axon Server goes away ------------------------------------------------------

    @Test
    @Order(5)
    void commands_in_flight_when_axon_server_goes_away_are_acknowledged_only_if_stored_and_their_keyed_retries_store_each_once()
            throws Exception {
        cluster.axonServer.assumeCanStopAndStart();
        record Sent(String key, String body, ClusterApi.Answer answer) {
        }
        List<Sent> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean sending = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(6);
        for (int c = 0; c < 6; c++) {
            int client = c;
            clients.submit(() -> {
                while (sending.get()) {
                    String key = "in-flight-" + cluster.run + "-" + SEQUENCE.incrementAndGet();
                    String body = koica(title("in flight"), 3);
                    ClusterApi node = commands().get(client % commands().size());
                    sent.add(new Sent(key, body, node.post("staff", "/api/courses", body, Map.of("Idempotency-Key", key))));
                }
            });
        }
        AxonServerUnderTest.sleep(1_500);
        cluster.axonServer.stop();
        AxonServerUnderTest.sleep(1_500);
        sending.set(false);
        clients.shutdown();
        clients.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
        cluster.axonServer.start();

        List<String> wrong = new ArrayList<>();
        Map<Integer, Integer> answers = new java.util.TreeMap<>();
        for (Sent s : sent) {
            answers.merge(s.answer().status(), 1, Integer::sum);
            boolean stored = s.answer().status() == 201;
            boolean unavailable = s.answer().status() == 503 && s.answer().contentType().startsWith("application/problem+json")
                    && s.answer().header("Retry-After").isPresent();
            if (!stored && !unavailable) {
                wrong.add("while Axon Server went away (expected 201, or 503 problem+json with Retry-After): " + s.answer());
            }
        }
        // every request again with its key, through the other node: the first answer's course, stored once
        int retried = 0;
        for (Sent s : sent) {
            ClusterApi node = commands().get(commands().size() - 1);
            // until the nodes have subscribed again (503 "not stored" right after the restart)
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            ClusterApi.Answer again = node.post("staff", "/api/courses", s.body(), Map.of("Idempotency-Key", s.key()));
            while (again.status() == 503 && System.nanoTime() < deadline) {
                AxonServerUnderTest.sleep(200);
                again = node.post("staff", "/api/courses", s.body(), Map.of("Idempotency-Key", s.key()));
            }
            if (s.answer().status() != 201) {
                retried++;
            }
            if (again.status() != 201) {
                wrong.add("retry with the same key (expected 201): " + again);
                continue;
            }
            String id = again.json().get("courseId").asText();
            if (s.answer().status() == 201 && !id.equals(s.answer().json().get("courseId").asText())) {
                wrong.add("retry answered another course than the first answer: " + again + " / " + s.answer());
            }
            ClusterApi.Answer history = node.get("auditor", "/api/courses/" + id + "/history");
            long proposals = history.status() != 200 ? -1 : java.util.stream.StreamSupport.stream(history.json().spliterator(), false)
                    .filter(event -> event.path("type").asText().endsWith("CourseProposed")).count();
            if (proposals != 1) {
                wrong.add("course of key " + s.key() + " proposed " + proposals + " times (expected once): " + history);
            }
        }
        System.out.printf("[cluster] in flight when Axon Server went away: %d requests, answers %s; %d retried with their"
                + " keys; %d problems%n", sent.size(), answers, retried, wrong.size());
        assertThat(sent).isNotEmpty();
        assertThat(wrong).as("answers and stored courses of requests in flight").isEmpty();
    }
}
