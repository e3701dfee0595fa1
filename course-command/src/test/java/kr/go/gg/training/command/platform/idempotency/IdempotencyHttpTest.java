package kr.go.gg.training.command.platform.idempotency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;

import kr.go.gg.training.command.HttpTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyHttpTest extends HttpTestSupport {

    private static Map<String, String> key(String key) {
        return Map.of("Idempotency-Key", key);
    }

    private static Map<String, Object> course(String title) {
        return Map.of("title", title, "program", "KOICA", "direction", "INBOUND", "partner", "Laos", "capacity", 5);
    }

    @Test
    void the_same_key_returns_the_first_answer_and_appends_nothing() {
        String k = UUID.randomUUID().toString();
        Answer first = post(STAFF, "/api/courses", course("Water"), key(k));
        long after = events();
        Answer second = post(STAFF, "/api/courses", course("Water"), key(k));
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.header("X-Course-Version")).isEqualTo("0");
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(events()).isEqualTo(after);
    }

    @Test
    void a_retried_step_returns_204_with_its_version_and_appends_nothing() {
        String id = proposeKoica(3);
        String k = UUID.randomUUID().toString();
        Answer first = post(STAFF, "/api/courses/" + id + "/demand-survey", Map.of("surveyedOn", "2015-01-01"), key(k));
        Answer second = post(STAFF, "/api/courses/" + id + "/demand-survey", Map.of("surveyedOn", "2015-01-01"), key(k));
        assertThat(first.status()).isEqualTo(204);
        assertThat(second.status()).isEqualTo(204);
        assertThat(second.header("X-Course-Version")).isEqualTo("1");
        assertThat(events(id)).isEqualTo(2);
    }

    @Test
    void the_same_key_with_a_different_request_is_a_conflict() {
        String k = UUID.randomUUID().toString();
        post(STAFF, "/api/courses", course("Water"), key(k));
        Answer other = post(STAFF, "/api/courses", course("Roads"), key(k));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.body().get("detail").asText()).contains("Idempotency-Key", "different request");
    }

    @Test
    void keys_are_scoped_per_user() {
        String k = UUID.randomUUID().toString();
        long before = events();
        assertThat(post(STAFF, "/api/courses", course("Water"), key(k)).status()).isEqualTo(201);
        assertThat(post(ADMIN, "/api/courses", course("Water"), key(k)).status()).isEqualTo(201);
        assertThat(events()).isEqualTo(before + 2);
    }

    @Test
    void a_refused_command_stores_no_key_and_appends_nothing() {
        String id = proposeKoica(3);
        String k = UUID.randomUUID().toString();
        Answer refused = post(STAFF, "/api/courses/" + id + "/start", Map.of(), key(k));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(events(id)).isEqualTo(1);
        // the key is still free for a request that succeeds
        assertThat(post(STAFF, "/api/courses/" + id + "/demand-survey", Map.of("surveyedOn", "2015-01-01"), key(k)).status()).isEqualTo(204);
    }

    /** A creation, a step and an agreement: 16 retries of one request with one key, all at once. */
    static Stream<Arguments> concurrentRetries() {
        return Stream.of(
                Arguments.of("a proposal", (Function<IdempotencyHttpTest, String>) test -> "/api/courses", course("Concurrent")),
                Arguments.of("a step", (Function<IdempotencyHttpTest, String>) test -> "/api/courses/" + test.proposeKoica(3)
                        + "/demand-survey", Map.of("surveyedOn", "2015-01-01")),
                Arguments.of("an agreement", (Function<IdempotencyHttpTest, String>) test -> "/api/agreements",
                        Map.of("province", "Hainan", "classification", "GENERAL", "signedOn", "2011-07")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("concurrentRetries")
    void concurrent_retries_with_one_key_all_get_the_first_answer_and_one_event(
            String what, Function<IdempotencyHttpTest, String> path, Map<String, Object> body) throws Exception {
        String target = path.apply(this);
        String k = UUID.randomUUID().toString();
        long before = events();
        int retries = 16;
        CyclicBarrier together = new CyclicBarrier(retries);
        ExecutorService pool = Executors.newFixedThreadPool(retries);
        List<Answer> answers = new ArrayList<>();
        try {
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < retries; i++) {
                Callable<Answer> call = () -> {
                    together.await();
                    return post(STAFF, target, body, key(k));
                };
                futures.add(pool.submit(call));
            }
            for (Future<Answer> future : futures) {
                answers.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        Answer first = answers.get(0);
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.raw().body()).isEqualTo(first.status()).isBetween(200, 299);
            assertThat(answer.body()).isEqualTo(first.body());
            assertThat(answer.header("Location")).isEqualTo(first.header("Location"));
            assertThat(answer.header("X-Course-Version")).isEqualTo(first.header("X-Course-Version"));
        });
        assertThat(answers).filteredOn(answer -> answer.header("Idempotent-Replayed") == null).hasSize(1);
        assertThat(events()).isEqualTo(before + 1);
    }

    @Test
    void a_retried_enrolment_answers_the_same_trainee_and_enrols_once() {
        String id = proposeKoica(3);
        assertThat(post("/api/courses/" + id + "/demand-survey", Map.of("surveyedOn", "2015-01-01")).status()).isEqualTo(204);
        assertThat(post("/api/courses/" + id + "/selection", Map.of("selected", true, "decidedOn", "2015-02-01")).status()).isEqualTo(204);
        assertThat(post("/api/courses/" + id + "/consignee-invitation", Map.of("quarter", 1, "publishedOn", "2015-03-01")).status()).isEqualTo(204);
        assertThat(post("/api/courses/" + id + "/consignee-selection", Map.of("awarded", true, "decidedOn", "2015-04-01")).status()).isEqualTo(204);
        assertThat(post("/api/courses/" + id + "/schedule", Map.of("startDate", "2015-05-01", "endDate", "2015-05-10")).status()).isEqualTo(204);
        Map<String, Object> trainee = trainee("A", "MID_LEVEL");
        String k = UUID.randomUUID().toString();
        Answer first = post(STAFF, "/api/courses/" + id + "/trainees", trainee, key(k));
        long after = events(id);
        Answer second = post(STAFF, "/api/courses/" + id + "/trainees", trainee, key(k));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.header("X-Course-Version")).isEqualTo(first.header("X-Course-Version"));
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(events(id)).isEqualTo(after);
    }

    @Test
    void an_agreement_recorded_again_with_its_key_is_recorded_once() {
        Map<String, Object> agreement = Map.of("province", "Shandong", "classification", "GENERAL", "signedOn", "2013-05");
        String k = UUID.randomUUID().toString();
        long before = events();
        Answer first = post(STAFF, "/api/agreements", agreement, key(k));
        Answer second = post(STAFF, "/api/agreements", agreement, key(k));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(events()).isEqualTo(before + 1);
    }

    @Test
    void an_invalid_key_is_a_bad_request() {
        assertThat(post(STAFF, "/api/courses", course("Water"), key("x".repeat(201))).status()).isEqualTo(400);
    }

    @Test
    void an_import_retried_with_its_key_returns_the_first_answer() {
        Map<String, Object> body = Map.of("courses", List.of(
                Map.of("program", "KOICA", "partner", "Mongolia", "startDate", "2014-04-01", "endDate", "2014-04-10", "people", 9)));
        String k = UUID.randomUUID().toString();
        Answer first = post(STAFF, "/api/imports/historical-courses", body, key(k));
        Answer second = post(STAFF, "/api/imports/historical-courses", body, key(k));
        assertThat(first.body().get("imported").asInt()).isEqualTo(1);
        assertThat(second.body()).isEqualTo(first.body());
    }
}
