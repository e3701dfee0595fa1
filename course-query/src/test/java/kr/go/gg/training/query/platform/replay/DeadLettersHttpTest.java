package kr.go.gg.training.query.platform.replay;

import kr.go.gg.training.query.TestEnrolments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseProposed;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.enrollment.Trainee;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.query.QueryApplicationTest;
import kr.go.gg.training.query.platform.operations.DeadLetterHealth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A rosters handler that fails for one course ({@link FailureSwitch}) parks that course's events; every other course
 * goes on; the letters are listed, counted and shown in health, and a retry once the cause is gone completes the
 * roster.
 */
class DeadLettersHttpTest extends QueryApplicationTest {

    @Autowired
    FailureSwitch failures;
    @Autowired
    MeterRegistry meterRegistry;

    private HttpResponse<String> retry(String user) throws Exception {
        return http.send(request(user, "/api/admin/dead-letters/retry").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void enrol(String id, long sequence, String trainee) {
        append("Course", id, sequence, TestEnrolments.plain(new CourseId(id), new TraineeId(trainee),
                new Trainee(trainee, "Peru", "Ministry", "Officer", null), (int) sequence));
    }

    private JsonNode letterOf(String id) throws Exception {
        for (JsonNode letter : body(get("auditor", "/api/admin/dead-letters"))) {
            if (letter.get("sequence").asText().equals(id)) {
                return letter;
            }
        }
        return null;
    }

    @Test
    void aFailingHandlerParksItsCourseWhileTheOthersGoOnAndARetryAfterTheCauseIsGoneCompletesTheRoster() throws Exception {
        String poisoned = newId();
        String healthy = newId();
        failures.failFor(poisoned);
        try {
            append("Course", poisoned, 0, new CourseProposed(new CourseId(poisoned), "Parked", Program.KOICA,
                    Direction.INBOUND, "Peru", 10, 2083));
            enrol(poisoned, 1, "fails");
            enrol(poisoned, 2, "waits");
            append("Course", healthy, 0, new CourseProposed(new CourseId(healthy), "Healthy", Program.KOICA,
                    Direction.INBOUND, "Peru", 10, 2083));
            enrol(healthy, 1, "goes-on");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(get("staff", "/api/courses/" + healthy + "/trainees").body()).contains("goes-on"));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(letterOf(poisoned)).isNotNull());
            JsonNode letter = letterOf(poisoned);
            assertThat(letter.get("processor").asText()).isEqualTo("rosters");
            assertThat(letter.get("eventType").asText()).isEqualTo("TraineeEnrolled");
            assertThat(letter.get("cause").asText()).contains("test failure");
            assertThat(letter.get("attempts").asInt()).isEqualTo(1);
            assertThat(letter.get("since").asText()).isNotBlank();
            assertThat(get("staff", "/api/courses/" + poisoned + "/trainees").body()).doesNotContain("waits");
            assertThat(meterRegistry.find(DeadLetterHealth.METER).tag("processor", "rosters").gauge().value())
                    .isGreaterThanOrEqualTo(2);
            JsonNode health = body(get("admin", "/actuator/health"));
            assertThat(health.get("status").asText()).isEqualTo("UP");
            assertThat(health.at("/components/deadLetters/details/waiting/rosters").asLong()).isGreaterThanOrEqualTo(2);

            // retried while the cause is still there: still parked, one attempt more
            assertThat(retry("admin").statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(letterOf(poisoned).get("attempts").asInt()).isEqualTo(2));
        } finally {
            failures.heal(poisoned);
        }
        assertThat(retry("auditor").statusCode()).isEqualTo(403);
        assertThat(get("viewer", "/api/admin/dead-letters").statusCode()).isEqualTo(403);
        assertThat(retry("admin").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(get("staff", "/api/courses/" + poisoned + "/trainees").body()).contains("fails", "waits");
            assertThat(letterOf(poisoned)).isNull();
        });
        // and the course's next events are handled as they come again
        enrol(poisoned, 3, "after");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(get("staff", "/api/courses/" + poisoned + "/trainees").body()).contains("after"));
    }

    @Test
    void aReplayParksAFailingCourseInItsOwnQueueWhichReplacesTheLettersOfTheGenerationItReplaces() throws Exception {
        String stale = newId(); // parked in the live generation, and healed before the replay: its letter goes
        String failing = newId(); // still failing during the replay: parked by the rebuild
        failures.failFor(stale);
        failures.failFor(failing);
        try {
            for (String id : java.util.List.of(stale, failing)) {
                append("Course", id, 0, new CourseProposed(new CourseId(id), "Replayed", Program.KOICA,
                        Direction.INBOUND, "Peru", 10, 2084));
                enrol(id, 1, "first");
                enrol(id, 2, "second");
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(letterOf(stale)).isNotNull();
                assertThat(letterOf(failing)).isNotNull();
            });
            failures.heal(stale);

            assertThat(http.send(request("admin", "/api/admin/projections/rosters/replay")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(body(get("auditor", "/api/admin/projections")).findValues("replaying"))
                        .allSatisfy(replaying -> assertThat(replaying.asBoolean()).isFalse());
                assertThat(letterOf(stale)).isNull(); // the rebuilt generation handled it
                assertThat(letterOf(failing)).isNotNull(); // parked again, by the rebuild
            });
            assertThat(letterOf(failing).get("attempts").asInt()).isEqualTo(1);
            assertThat(get("staff", "/api/courses/" + stale + "/trainees").body()).contains("first", "second");
            assertThat(get("staff", "/api/courses/" + failing + "/trainees").body()).doesNotContain("second");
        } finally {
            failures.heal(failing);
        }
        assertThat(retry("admin").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(get("staff", "/api/courses/" + failing + "/trainees").body()).contains("first", "second");
            assertThat(letterOf(failing)).isNull();
        });
    }
}
