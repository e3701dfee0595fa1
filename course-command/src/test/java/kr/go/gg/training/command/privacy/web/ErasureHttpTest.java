package kr.go.gg.training.command.privacy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import kr.go.gg.training.command.HttpTestSupport;
import org.junit.jupiter.api.Test;

/** The erasure path over real HTTP: ADMIN only, a reason, idempotent, and the history shows the trainee erased. */
class ErasureHttpTest extends HttpTestSupport {

    private String enrol(String course, String name) {
        Answer enrolled = post(course + "/trainees", trainee(name, "MID_LEVEL"));
        assertThat(enrolled.status()).isEqualTo(201);
        return enrolled.body().get("traineeId").asText();
    }

    private Answer erase(String user, String path, Object body) {
        return post(user, path, body, Map.of());
    }

    private JsonNode enrolmentInHistory(String course) {
        for (JsonNode entry : get(AUDITOR, course + "/history").body()) {
            if (entry.get("type").asText().equals("TraineeEnrolled")) {
                return entry.get("payload");
            }
        }
        throw new AssertionError("no enrolment in the history of " + course);
    }

    @Test
    void the_history_shows_the_trainee_until_the_erasure_and_nulls_after_it() {
        String course = scheduledKoica(3);
        String trainee = enrol(course, "Nguyen Van Privacy");
        assertThat(enrolmentInHistory(course).get("trainee").get("name").asText()).isEqualTo("Nguyen Van Privacy");
        assertThat(enrolmentInHistory(course).get("erased").asBoolean()).isFalse();

        assertThat(erase(ADMIN, course + "/trainees/" + trainee + "/erasure", Map.of("reason", "asked by the trainee")).status())
                .isEqualTo(204);

        JsonNode erased = enrolmentInHistory(course);
        assertThat(erased.get("erased").asBoolean()).isTrue();
        assertThat(erased.get("trainee").get("name").isNull()).isTrue();
        assertThat(erased.get("trainee").get("organization").isNull()).isTrue();
        assertThat(erased.get("trainee").get("country").asText()).isEqualTo("Vietnam");
        assertThat(get(AUDITOR, course + "/history").raw().body()).doesNotContain("Privacy").contains("TraineeErased");
        assertThat(get(AUDITOR, course + "/state").body().get("course").get("enrolled").asInt()).isEqualTo(1);
    }

    @Test
    void the_stored_enrolment_holds_the_name_only_sealed() {
        String course = scheduledKoica(3);
        enrol(course, "Sealed Name Tran");
        List<byte[]> payloads = jdbc.queryForList("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                + " AND payloadType LIKE '%TraineeEnrolled'", byte[].class, course.substring("/api/courses/".length()));
        assertThat(payloads).hasSize(1);
        String stored = new String(payloads.get(0), StandardCharsets.UTF_8);
        assertThat(stored).doesNotContain("Sealed Name").doesNotContain("Hanoi City").contains("\"ciphertext\"").contains("Vietnam");
    }

    @Test
    void a_second_erasure_answers_204_and_appends_nothing() {
        String course = scheduledKoica(3);
        String trainee = enrol(course, "Twice");
        assertThat(erase(ADMIN, course + "/trainees/" + trainee + "/erasure", Map.of("reason", "asked")).status()).isEqualTo(204);
        long events = events(course.substring("/api/courses/".length()));

        assertThat(erase(ADMIN, course + "/trainees/" + trainee + "/erasure", Map.of("reason", "asked again")).status()).isEqualTo(204);
        assertThat(events(course.substring("/api/courses/".length()))).isEqualTo(events);
    }

    @Test
    void an_idempotency_key_replays_the_first_answer() {
        String course = scheduledKoica(3);
        String trainee = enrol(course, "Keyed");
        Map<String, String> key = Map.of("Idempotency-Key", "erase-keyed-1");
        assertThat(post(ADMIN, course + "/trainees/" + trainee + "/erasure", Map.of("reason", "asked"), key).status()).isEqualTo(204);

        Answer replayed = post(ADMIN, course + "/trainees/" + trainee + "/erasure", Map.of("reason", "asked"), key);
        assertThat(replayed.status()).isEqualTo(204);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(post(ADMIN, course + "/trainees/" + trainee + "/erasure", Map.of("reason", "other"), key).status()).isEqualTo(409);
    }

    @Test
    void an_unknown_trainee_or_course_is_404_and_a_missing_reason_400() {
        String course = scheduledKoica(3);
        String trainee = enrol(course, "Known");

        assertProblem(erase(ADMIN, course + "/trainees/nobody/erasure", Map.of("reason", "asked")), 404);
        assertProblem(erase(ADMIN, "/api/courses/no-such-course/trainees/" + trainee + "/erasure", Map.of("reason", "asked")), 404);
        assertProblem(erase(ADMIN, course + "/trainees/" + trainee + "/erasure", Map.of()), 400);
        assertProblem(erase(ADMIN, course + "/trainees/" + trainee + "/erasure", Map.of("reason", " ")), 400);
    }

    @Test
    void only_an_admin_may_erase() {
        String course = scheduledKoica(3);
        String trainee = enrol(course, "Guarded");
        for (String user : List.of(STAFF, AUDITOR, VIEWER)) {
            assertProblem(erase(user, course + "/trainees/" + trainee + "/erasure", Map.of("reason", "asked")), 403);
        }
        assertProblem(erase(null, course + "/trainees/" + trainee + "/erasure", Map.of("reason", "asked")), 401);
        assertThat(enrolmentInHistory(course).get("erased").asBoolean()).isFalse();
    }

    private static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }
}
