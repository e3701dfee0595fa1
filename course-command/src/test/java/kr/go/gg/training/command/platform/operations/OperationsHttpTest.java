package kr.go.gg.training.command.platform.operations;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import kr.go.gg.training.command.HttpTestSupport;
import kr.go.gg.training.command.platform.bus.CommandMetricsInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/** Health groups, metrics and request size limits of the command side. */
class OperationsHttpTest extends HttpTestSupport {

    @Autowired
    private MeterRegistry meterRegistry;
    @Value("${course.data-dir}")
    private String dataDir;

    @Test
    void health_is_only_a_status_for_anonymous_callers_and_has_liveness_and_readiness_groups() {
        Answer health = get(null, "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.raw().body()).isEqualTo("{\"status\":\"UP\"}");

        Answer detailed = get(ADMIN, "/actuator/health");
        assertThat(detailed.body().get("components").get("db").get("status").asText()).isEqualTo("UP");
        assertThat(detailed.body().get("components").get("db").get("details").get("database").asText()).isEqualTo("H2");

        Answer liveness = get(null, "/actuator/health/liveness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.raw().body()).isEqualTo("{\"status\":\"UP\"}");

        Answer readiness = get(null, "/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.raw().body()).isEqualTo("{\"status\":\"UP\"}");
        // details (paths, database names) for ADMIN only: every other role sees what anonymous callers see
        for (String user : new String[]{STAFF, AUDITOR, VIEWER}) {
            assertThat(get(user, "/actuator/health").raw().body()).as(user).isEqualTo("{\"status\":\"UP\"}");
            assertThat(get(user, "/actuator/health/readiness").raw().body()).as(user).isEqualTo("{\"status\":\"UP\"}");
        }
        Answer readinessDetails = get(ADMIN, "/actuator/health/readiness");
        assertThat(readinessDetails.body().get("components").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("db", "eventStore", "diskSpace", "readinessState");
        // the disk of the event store's file, not the working directory
        assertThat(get(ADMIN, "/actuator/health/readiness").body().at("/components/diskSpace/details/path").asText())
                .isEqualTo(Path.of(dataDir).toAbsolutePath().toString());
        assertThat(get(ADMIN, "/actuator/health/liveness").body().get("components").fieldNames()).toIterable()
                .containsExactly("livenessState");
    }

    @Test
    void command_latency_is_timed_per_command_and_outcome() {
        String id = proposeKoica(3);
        Answer refused = post("/api/courses/" + id + "/start", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        Answer unknown = post("/api/courses/no-such-course/demand-survey", Map.of("surveyedOn", "2015-05-01"));
        assertThat(unknown.status()).isEqualTo(404);

        Timer proposed = meterRegistry.find(CommandMetricsInterceptor.METER)
                .tags("command", "ProposeCourse", "outcome", "success").timer();
        assertThat(proposed).isNotNull();
        assertThat(proposed.count()).isPositive();
        assertThat(proposed.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
        assertThat(meterRegistry.find(CommandMetricsInterceptor.METER).tags("command", "StartCourse", "outcome", "refused")
                .timer()).isNotNull();
        assertThat(meterRegistry.find(CommandMetricsInterceptor.METER).tags("command", "RecordDemandSurvey", "outcome", "not-found")
                .timer()).isNotNull();

        Answer metric = get(ADMIN, "/actuator/metrics/" + CommandMetricsInterceptor.METER + "?tag=command:ProposeCourse");
        assertThat(metric.status()).isEqualTo(200);
        assertThat(metric.body().get("measurements").get(0).get("value").asDouble()).isPositive();
        assertThat(get(null, "/actuator/metrics/" + CommandMetricsInterceptor.METER).status()).isEqualTo(401);
    }

    private static final String BIG_TITLE = "x".repeat(1_100_000);

    @Test
    void bodies_above_one_megabyte_are_refused_with_413_and_nothing_is_appended() throws Exception {
        long before = events();
        Answer tooLarge = post("/api/courses", Map.of("title", BIG_TITLE, "program", "KOICA", "direction", "INBOUND",
                "partner", "Vietnam", "capacity", 3));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.header("Content-Type")).startsWith("application/problem+json");
        assertThat(tooLarge.body().get("status").asInt()).isEqualTo(413);
        assertThat(tooLarge.body().get("detail").asText()).contains("1 MB");

        // without a Content-Length (chunked): counted while read
        String json = "{\"title\":\"" + BIG_TITLE + "\",\"program\":\"KOICA\",\"direction\":\"INBOUND\",\"partner\":\"Vietnam\",\"capacity\":3}";
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/courses"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("staff:staff-secret-1".getBytes(StandardCharsets.UTF_8)))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(answer.body()).get("detail").asText()).contains("1 MB");

        // anonymous too: the size is checked before the credentials
        assertThat(send(null, "POST", "/api/courses", Map.of("title", BIG_TITLE), Map.of()).status()).isEqualTo(413);
        assertThat(events()).isEqualTo(before);

        // a body just under the limit is read (and refused for its content, not its size)
        Answer underLimit = post("/api/courses", Map.of("title", "x".repeat(900_000), "program", "KOICA", "direction", "INBOUND",
                "partner", "Vietnam", "capacity", 3));
        assertThat(underLimit.status()).isEqualTo(400);
    }

    @Test
    void the_historical_import_accepts_up_to_five_megabytes() {
        String padding = " ".repeat(2_000_000);
        Answer big = post("/api/imports/historical-courses", "{\"courses\": []" + padding + "}");
        assertThat(big.status()).as(big.raw().body()).isNotEqualTo(413).isLessThan(500);

        Answer tooBig = post("/api/imports/historical-courses", "{\"courses\": []" + " ".repeat(5_300_000) + "}");
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.body().get("detail").asText()).contains("5 MB");
    }
}
