package kr.go.gg.training.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The curriculum on the contract (docs/api.md, "Curriculum"): an outbound China course with its preliminary and post
 * group courses, its sessions shown with the course by date, refusals as problems, corrections by removal, keys.
 */
class CurriculumHttpTest extends StandaloneTestBase {

    private String course;

    @BeforeEach
    void outboundCourse() {
        HttpApi.Answer proposed = api.post("staff", "/api/courses", """
                {"title":"Gyeonggi-do officials to Jiangsu","program":"CHINA_EXCHANGE","direction":"OUTBOUND",
                 "partner":"Jiangsu","capacity":16,"trainingYear":2027}""");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        course = "/api/courses/" + proposed.json().get("courseId").asText();
        HttpApi.Answer scheduled = api.post("staff", course + "/schedule", "{\"startDate\":\"2027-06-07\",\"endDate\":\"2027-06-18\"}");
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(204);
    }

    private HttpApi.Answer add(String kind, String title, String date) {
        return api.post("staff", course + "/sessions",
                "{\"kind\":\"" + kind + "\",\"title\":\"" + title + "\",\"date\":\"" + date + "\"}");
    }

    @Test
    void an_outbound_course_shows_its_preliminary_course_sessions_and_post_course_by_date() {
        HttpApi.Answer post = add("POST_COURSE", "Sharing the results", "2027-06-25");
        assertThat(post.status()).as(post.body()).isEqualTo(201);
        assertThat(post.json().get("sessionId").asText()).isNotBlank();
        assertThat(add("INDUSTRIAL_INSPECTION", "Suzhou industrial park", "2027-06-10").status()).isEqualTo(201);
        assertThat(add("PRELIMINARY_COURSE", "Before the trip", "2027-05-31").status()).isEqualTo(201);

        JsonNode detail = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("viewer", course).json(),
                c -> c.path("sessions").size() == 3);
        List<String> shown = new ArrayList<>();
        detail.get("sessions").forEach(s -> shown.add(s.get("kind").asText() + " " + s.get("date").asText() + " "
                + s.get("title").asText()));
        assertThat(shown).containsExactly("PRELIMINARY_COURSE 2027-05-31 Before the trip",
                "INDUSTRIAL_INSPECTION 2027-06-10 Suzhou industrial park", "POST_COURSE 2027-06-25 Sharing the results");
        assertThat(detail.get("sessions").get(2).get("sessionId").asText()).isEqualTo(post.json().get("sessionId").asText());
        // the lists show courses without their curricula
        JsonNode listed = api.get("viewer", "/api/courses?year=2027").json();
        listed.forEach(c -> assertThat(c.has("sessions")).isFalse());
    }

    @Test
    void a_session_outside_its_window_is_refused_with_a_problem_naming_the_window() {
        HttpApi.Answer refused = add("LECTURE", "Too late", "2027-06-19");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("runs 2027-06-07 to 2027-06-18")
                .contains("must lie inside the training period");
        assertThat(add("PRELIMINARY_COURSE", "During the trip", "2027-06-08").status()).isEqualTo(409);
    }

    @Test
    void bad_fields_are_refused_with_400_naming_the_field() {
        HttpApi.Answer kind = add("BANQUET", "Welcome dinner", "2027-06-08");
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.json().toString()).contains("kind");
        HttpApi.Answer date = add("LECTURE", "Smart city", "2027-13-01");
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.json().toString()).contains("date");
        HttpApi.Answer title = api.post("staff", course + "/sessions", "{\"kind\":\"LECTURE\",\"title\":\" \",\"date\":\"2027-06-08\"}");
        assertThat(title.status()).isEqualTo(400);
        assertThat(title.json().get("errors").get(0).get("field").asText()).isEqualTo("title");
        assertThat(api.post("viewer", course + "/sessions", "{\"kind\":\"LECTURE\",\"title\":\"x\",\"date\":\"2027-06-08\"}")
                .status()).isEqualTo(403);
        assertThat(api.post("staff", "/api/courses/nope/sessions", "{\"kind\":\"LECTURE\",\"title\":\"x\",\"date\":\"2027-06-08\"}")
                .status()).isEqualTo(404);
    }

    @Test
    void a_session_entered_wrongly_is_removed_with_a_reason_and_the_history_keeps_both() {
        String id = add("SEMINAR", "Seminar on the wrong day", "2027-06-09").json().get("sessionId").asText();

        HttpApi.Answer removed = api.post("staff", course + "/sessions/" + id + "/removal", "{\"reason\":\"wrong day\"}");
        assertThat(removed.status()).as(removed.body()).isEqualTo(204);
        assertThat(api.post("staff", course + "/sessions/" + id + "/removal", "{\"reason\":\"again\"}").status()).isEqualTo(409);
        assertThat(api.post("staff", course + "/sessions/unknown/removal", "{\"reason\":\"typo\"}").status()).isEqualTo(404);
        assertThat(add("SEMINAR", "Seminar on the wrong day", "2027-06-10").status()).isEqualTo(201);

        JsonNode detail = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("viewer", course).json(),
                c -> c.path("sessions").size() == 1 && "2027-06-10".equals(c.get("sessions").get(0).get("date").asText()));
        assertThat(detail.get("sessions").get(0).get("sessionId").asText()).isNotEqualTo(id);
        // the auditor's state as of now shows the same curriculum as the course
        assertThat(api.get("auditor", course + "/state").json().get("course").get("sessions")).isEqualTo(detail.get("sessions"));
        String history = api.get("auditor", course + "/history").body();
        assertThat(history).contains("SessionAdded").contains("SessionRemoved").contains("wrong day");
    }

    @Test
    void a_session_posted_again_with_its_idempotency_key_answers_the_same_session_once() throws Exception {
        String body = "{\"kind\":\"LECTURE\",\"title\":\"Keyed lecture\",\"date\":\"2027-06-08\"}";
        HttpResponse<String> first = postWithKey(course + "/sessions", body, "session-key-1");
        HttpResponse<String> again = postWithKey(course + "/sessions", body, "session-key-1");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(first.headers().firstValue("X-Event-Position")).isPresent();
        assertThat(first.headers().firstValue("X-Course-Version")).isPresent();
        long version = Long.parseLong(first.headers().firstValue("X-Course-Version").orElseThrow());
        JsonNode seen = api.get("viewer", course + "?minVersion=" + version).json();
        assertThat(seen.get("sessions")).hasSize(1);
    }

    private HttpResponse<String> postWithKey(String path, String json, String key) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .header("Authorization", HttpApi.basic("staff", "staff-pass"))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

}
