package kr.go.gg.training.command.course.web;

import java.util.Map;

import kr.go.gg.training.command.HttpTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CourseHttpTest extends HttpTestSupport {

    @Test
    void a_koica_course_walks_the_whole_pipeline() {
        Answer created = post("/api/courses", Map.of("title", "Smart city policy", "program", "KOICA", "direction", "INBOUND",
                "partner", "Vietnam", "capacity", 2, "trainingYear", 2016));
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("courseId").asText();
        assertThat(created.header("Location")).isEqualTo("/api/courses/" + id);
        assertThat(created.header("X-Course-Version")).isEqualTo("0");

        assertThat(post("/api/courses/" + id + "/demand-survey", Map.of("surveyedOn", "2014-05-01")).status()).isEqualTo(204);
        assertThat(post("/api/courses/" + id + "/selection", Map.of("selected", true, "decidedOn", "2016-01-05")).status()).isEqualTo(204);
        assertThat(post("/api/courses/" + id + "/consignee-invitation", Map.of("quarter", 2, "publishedOn", "2016-02-03")).status()).isEqualTo(204);
        Answer awarded = post("/api/courses/" + id + "/consignee-selection", Map.of("awarded", true, "decidedOn", "2016-03-10"));
        assertThat(awarded.status()).isEqualTo(204);
        assertThat(awarded.header("X-Course-Version")).isEqualTo("4");
        assertThat(post("/api/courses/" + id + "/schedule", Map.of("startDate", "2016-06-01", "endDate", "2016-06-14")).status()).isEqualTo(204);
        Answer kim = post("/api/courses/" + id + "/trainees", trainee("Kim", "MID_LEVEL"));
        assertThat(kim.status()).isEqualTo(201);
        String kimId = kim.body().get("traineeId").asText();
        assertThat(kim.header("Location")).isEqualTo("/api/courses/" + id + "/trainees/" + kimId);
        assertThat(post("/api/courses/" + id + "/trainees", trainee("Lee", "HIGH_RANKING")).status()).isEqualTo(201);
        Answer full = post("/api/courses/" + id + "/trainees", trainee("Park", "HIGH_RANKING"));
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.raw().headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(post("/api/courses/" + id + "/start", Map.of()).status()).isEqualTo(204);
        assertThat(post("/api/courses/" + id + "/trainees/" + kimId + "/withdrawal", Map.of("reason", "called home")).status()).isEqualTo(204);
        Answer completed = post("/api/courses/" + id + "/completion", Map.of());
        assertThat(completed.status()).isEqualTo(204);
        assertThat(completed.header("X-Course-Version")).isEqualTo("10");
        assertThat(events(id)).isEqualTo(11);

        Answer cancel = post("/api/courses/" + id + "/cancellation", Map.of("reason", "too late"));
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.body().get("detail").asText()).contains("is COMPLETED");
        assertThat(events(id)).isEqualTo(11);
    }

    @Test
    void events_carry_the_user_and_the_correlation_id() throws Exception {
        Answer created = post(STAFF, "/api/courses", Map.of("title", "t", "program", "KOICA", "direction", "INBOUND",
                "partner", "Laos", "capacity", 3), Map.of("X-Correlation-Id", "corr-123"));
        assertThat(created.header("X-Correlation-Id")).isEqualTo("corr-123");
        String metaData = new String(jdbc.queryForObject("SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                byte[].class, created.body().get("courseId").asText()));
        var json = JSON.readTree(metaData);
        assertThat(json.get("user").asText()).isEqualTo(STAFF);
        assertThat(json.get("correlationId").asText()).isEqualTo("corr-123");
        assertThat(json.has("causationId")).isTrue();
        assertThat(json.has("traceId")).isTrue();
    }
}
