package kr.go.gg.training.standalone.cluster;

import static kr.go.gg.training.standalone.cluster.CourseSteps.assertStatus;
import static kr.go.gg.training.standalone.cluster.CourseSteps.koica;
import static kr.go.gg.training.standalone.cluster.CourseSteps.koicaTrainee;
import static kr.go.gg.training.standalone.cluster.CourseSteps.where;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The read side of issue 17 (and the report as of an instant, issue 19) on several query nodes: a rebuild asked on
 * one node while commands flow never lets either node answer from a partial model and ends with both answering the
 * new generation alike; a handler that fails for one course parks it where every node lists and retries it; the
 * report as of an instant is the same through both nodes. Two command and two query nodes ({@link ClusterNodes});
 * every query node also runs {@link FailingRosters}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReadSideClusterIT extends ClusterTest {

    private static final String REPORT = "/api/reports/yearly-performance";
    private static final List<String> REBUILT = List.of("course-summaries", "yearly-performance");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @BeforeAll
    static void startCluster() {
        if (!startTwoAndTwo(FailingRosters.class)) {
            return;
        }
        long start = System.nanoTime();
        // an Axon Server started a moment ago may refuse the very first append with 503 ("retry with the same
        // Idempotency-Key"): the test does what the answer asks, a few times
        Map<String, String> key = Map.of("Idempotency-Key", "sentinel-" + cluster.run);
        String sentinel = koica(title("sentinel"), 1);
        ClusterApi.Answer first = command1.post("staff", "/api/courses", sentinel, key);
        for (int i = 0; i < 5 && first.status() == 503; i++) {
            AxonServerUnderTest.sleep(2_000);
            first = command1.post("staff", "/api/courses", sentinel, key);
        }
        long position = position(first);
        for (ClusterApi query : List.of(query1, query2)) {
            assertThat(ClusterNodes.within(Duration.ofSeconds(120), () ->
                    query.get("viewer", "/api/courses?minPosition=" + position).status() == 200))
                    .as(query.name() + " caught up with Axon Server's events within 120 s").isTrue();
        }
        caughtUpSince(start);
    }

    private static String title(String what) {
        return "Cluster " + cluster.run + " " + what + " " + SEQUENCE.incrementAndGet();
    }

    private static long position(ClusterApi.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isBetween(200, 299);
        return answer.header("X-Event-Position").map(Long::parseLong).orElseThrow();
    }

    /** The answer of {@code path} once the node holds every event up to {@code position} (?minPosition waits 10 s). */
    private static ClusterApi.Answer atPosition(ClusterApi query, String path, long position) {
        String asked = path + (path.contains("?") ? "&" : "?") + "minPosition=" + position;
        ClusterApi.Answer answer = query.get("staff", asked); // staff: the rosters too
        for (int i = 0; i < 6 && answer.status() == 503; i++) {
            answer = query.get("staff", asked);
        }
        assertStatus(answer, 200);
        return answer;
    }

    private static Set<String> courseIds(ClusterApi.Answer list) {
        Set<String> ids = new TreeSet<>();
        list.json().forEach(course -> ids.add(course.path("courseId").asText()));
        return ids;
    }

    private static int reportedCourses(ClusterApi.Answer report) {
        int courses = 0;
        for (JsonNode year : report.json().path("years")) {
            courses += year.path("courses").asInt() + year.path("outbound").path("courses").asInt();
        }
        return courses;
    }

    private static int liveGeneration(String projection) {
        Document pointer = cluster.readModels(db -> db.getCollection("readmodel_generations")
                .find(Filters.eq("_id", projection)).first());
        return pointer == null ? 0 : pointer.getInteger("live", 0);
    }

    // ---- a rebuild beside the live model --------------------------------------------------------------------------

    /** Commands through both command nodes until stopped: a new course, then a course of the printed record. */
    private static final class Writer implements Runnable {
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicInteger courses = new AtomicInteger();
        final AtomicLong position = new AtomicLong(-1);
        final List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void run() {
            for (int n = 0; !stop.get(); n++) {
                ClusterApi command = n % 2 == 0 ? command1 : command2;
                ClusterApi.Answer answer = n % 3 == 2 ? command.post("staff", "/api/imports/historical-courses",
                        imported(n)) : command.post("staff", "/api/courses", koica(title("during the rebuild"), 3));
                if (answer.status() != 200 && answer.status() != 201) {
                    wrong.add("command during the rebuild: " + answer);
                    continue;
                }
                courses.incrementAndGet();
                position.accumulateAndGet(position(answer), Math::max);
            }
        }

        private static String imported(int n) {
            LocalDate start = LocalDate.of(2031, 1, 1).plusDays(n % 300);
            return "{\"courses\":[{\"program\":\"KOICA\",\"partner\":\"Cluster " + cluster.run + " " + n
                    + "\",\"startDate\":\"" + start + "\",\"endDate\":\"" + start.plusDays(5) + "\",\"people\":7}]}";
        }
    }

    @Test
    void a_rebuild_asked_on_query_node_1_while_commands_flow_never_answers_fewer_courses_and_ends_with_both_nodes_on_the_new_generation() throws Exception {
        long start = position(command2.post("staff", "/api/courses", koica(title("before the rebuild"), 1)));
        Set<String> before = courseIds(atPosition(query1, "/api/courses", start));
        int reportedBefore = reportedCourses(atPosition(query1, REPORT, start));
        assertThat(courseIds(atPosition(query2, "/api/courses", start))).as("query-2 before").isEqualTo(before);
        List<Integer> generations = REBUILT.stream().map(ReadSideClusterIT::liveGeneration).toList();

        Writer writer = new Writer();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        Future<?> writing = thread.submit(writer);
        List<String> wrong = new ArrayList<>();
        long asked = System.nanoTime();
        for (String projection : REBUILT) {
            assertStatus(query1.post("admin", "/api/admin/projections/" + projection + "/replay", "{}"), 202);
        }
        int samples = 0;
        boolean done = false;
        while (!done && System.nanoTime() - asked < Duration.ofSeconds(180).toNanos()) {
            for (ClusterApi query : List.of(query1, query2)) {
                ClusterApi.Answer list = query.get("viewer", "/api/courses");
                ClusterApi.Answer report = query.get("viewer", REPORT);
                samples++;
                if (list.status() != 200 || !courseIds(list).containsAll(before)) {
                    wrong.add("course list during the rebuild through " + query.name() + ": " + list.status() + ", "
                            + (list.status() == 200 ? courseIds(list).size() + " courses of " + before.size() : list));
                }
                if (report.status() != 200 || reportedCourses(report) < reportedBefore) {
                    wrong.add("report during the rebuild through " + query.name() + ": " + report.status() + ", "
                            + (report.status() == 200 ? reportedCourses(report) + " courses of " + reportedBefore : report));
                }
            }
            ClusterApi.Answer status = query2.get("auditor", "/api/admin/projections");
            done = status.status() == 200 && REBUILT.stream().noneMatch(p -> where(status, "name", p).isEmpty()
                    || where(status, "name", p).get(0).path("replaying").asBoolean());
        }
        long rebuilt = System.nanoTime();
        writer.stop.set(true);
        writing.get();
        thread.shutdown();
        System.out.printf("[cluster] rebuild of %s done in %d ms while %d commands were sent; %d samples of both nodes%n",
                REBUILT, (rebuilt - asked) / 1_000_000, writer.courses.get(), samples);
        assertThat(done).as("the rebuilds ended within 180 s").isTrue();
        wrong.addAll(writer.wrong);

        long end = writer.position.get();
        for (int i = 0; i < REBUILT.size(); i++) {
            assertThat(liveGeneration(REBUILT.get(i))).as(REBUILT.get(i) + "'s live generation").isEqualTo(generations.get(i) + 1);
        }
        // the replaced generation is dropped 3 s after the switch: a node still reading it would answer nothing
        AxonServerUnderTest.sleep(4_000);
        Set<String> after1 = courseIds(atPosition(query1, "/api/courses", end));
        Set<String> after2 = courseIds(atPosition(query2, "/api/courses", end));
        assertThat(after1).as("course lists after the switch").containsAll(before).hasSize(before.size() + writer.courses.get());
        assertThat(after2).as("query-2 agrees with query-1 after the switch").isEqualTo(after1);
        assertThat(atPosition(query2, REPORT, end).body()).as("the reports of both nodes after the switch")
                .isEqualTo(atPosition(query1, REPORT, end).body());
        assertThat(wrong).as("answers during the rebuild").isEmpty();
    }

    // ---- dead letters ---------------------------------------------------------------------------------------------

    private static String scheduled(ClusterApi command, String what) {
        return CourseSteps.scheduledKoicaCourse(List.of(command, command1 == command ? command2 : command1), title(what), 5);
    }

    private static long enrol(ClusterApi command, String course, String trainee) {
        return position(command.post("staff", "/api/courses/" + course + "/trainees", koicaTrainee(trainee)));
    }

    private static List<JsonNode> lettersOf(ClusterApi query, String course) {
        return where(query.get("auditor", "/api/admin/dead-letters"), "sequence", course);
    }

    private static String roster(ClusterApi query, String course) {
        return query.get("staff", "/api/courses/" + course + "/trainees").body();
    }

    @Test
    void a_course_whose_roster_handler_fails_is_parked_where_both_nodes_list_it_the_others_go_on_and_a_retry_through_either_node_completes_it() {
        String poisoned = scheduled(command1, "poisoned");
        String healthy = scheduled(command2, "healthy");
        FailingRosters.FAILING.add(poisoned);
        try {
            enrol(command1, poisoned, "Fails First");
            enrol(command2, poisoned, "Waits Behind");
            long position = enrol(command1, healthy, "Goes On");
            for (ClusterApi query : List.of(query1, query2)) {
                assertThat(atPosition(query, "/api/courses/" + healthy + "/trainees", position).body())
                        .as("the other course through " + query.name()).contains("Goes On");
                assertThat(lettersOf(query, poisoned)).as("the letter listed by " + query.name()).hasSize(1);
                assertThat(lettersOf(query, poisoned).get(0).path("processor").asText()).isEqualTo("rosters");
                assertThat(lettersOf(query, poisoned).get(0).path("cause").asText()).contains("test failure");
                assertThat(roster(query, poisoned)).as("the parked course through " + query.name())
                        .doesNotContain("Waits Behind");
            }
            // a retry while the cause is still there, through query-2: parked still, one attempt more, on both nodes
            assertStatus(query2.post("admin", "/api/admin/dead-letters/retry", "{}"), 202);
            assertThat(ClusterNodes.within(Duration.ofSeconds(15), () -> lettersOf(query1, poisoned).size() == 1
                    && lettersOf(query1, poisoned).get(0).path("attempts").asInt() == 2)).as("attempts 2 on query-1: "
                    + lettersOf(query1, poisoned)).isTrue();
        } finally {
            FailingRosters.FAILING.remove(poisoned);
        }
        ClusterApi retrier = query1; // the first retry went through query-2: each node retries once
        assertStatus(retrier.post("admin", "/api/admin/dead-letters/retry", "{}"), 202);
        for (ClusterApi query : List.of(query1, query2)) {
            assertThat(ClusterNodes.within(Duration.ofSeconds(15), () -> lettersOf(query, poisoned).isEmpty()
                    && roster(query, poisoned).contains("Fails First") && roster(query, poisoned).contains("Waits Behind")))
                    .as("after the retry through " + retrier.name() + ", through " + query.name() + ": "
                            + roster(query, poisoned) + " letters " + lettersOf(query, poisoned)).isTrue();
        }
        long later = enrol(command2, poisoned, "Comes Later");
        for (ClusterApi query : List.of(query1, query2)) {
            assertThat(atPosition(query, "/api/courses/" + poisoned + "/trainees", later).body())
                    .as("the course's next event through " + query.name()).contains("Comes Later");
        }
    }

    // ---- the report as of an instant ------------------------------------------------------------------------------

    @Test
    void the_report_as_of_an_instant_is_the_live_report_taken_then_through_either_query_node() {
        long position = position(command1.post("staff", "/api/imports/historical-courses", Writer.imported(1_000)));
        String then = atPosition(query1, REPORT, position).body();
        assertThat(atPosition(query2, REPORT, position).body()).as("query-2 at the same position").isEqualTo(then);
        Instant asOf = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        while (!Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(asOf)) {
            Thread.onSpinWait();
        }
        long later = position(command2.post("staff", "/api/imports/historical-courses", Writer.imported(1_001)));
        assertThat(atPosition(query1, REPORT, later).body()).as("the live report moved on").isNotEqualTo(then);
        for (ClusterApi query : List.of(query2, query1)) {
            ClusterApi.Answer folded = query.get("auditor", REPORT + "?asOf=" + asOf);
            System.out.printf("[cluster] report as of %s through %s: %d ms%n", asOf, query.name(), folded.millis());
            assertStatus(folded, 200);
            assertThat(folded.body()).as("as of " + asOf + " through " + query.name()).isEqualTo(then);
        }
    }
}
