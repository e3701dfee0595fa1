package kr.go.gg.training.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A KOICA course walks KOICA's four-stage selection procedure and its training, through both sides in one process. */
class KoicaCourseWalkTest extends StandaloneTestBase {

    @Test
    void a_koica_course_walks_the_whole_pipeline_and_lands_in_the_yearly_report() {
        HttpApi.Answer proposed = api.post("staff", "/api/courses", """
                {"title":"Development and Strategic Planning","program":"KOICA","direction":"INBOUND",
                 "partner":"Iraq","capacity":3,"trainingYear":2019}""");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String course = "/api/courses/" + proposed.json().get("courseId").asText();

        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("viewer", "/api/pipeline?year=2019").json()
                .get("stages").get("PROPOSED").toString().contains(proposed.json().get("courseId").asText()));

        assertNoContent(api.post("staff", course + "/demand-survey", "{\"surveyedOn\":\"2017-05-10\"}"));
        assertNoContent(api.post("staff", course + "/selection", "{\"selected\":true,\"decidedOn\":\"2019-01-07\"}"));
        assertNoContent(api.post("staff", course + "/consignee-invitation", "{\"quarter\":2,\"publishedOn\":\"2019-02-04\"}"));
        assertNoContent(api.post("staff", course + "/consignee-selection", "{\"awarded\":true,\"decidedOn\":\"2019-03-20\"}"));
        assertNoContent(api.post("staff", course + "/schedule", "{\"startDate\":\"2019-08-23\",\"endDate\":\"2019-09-02\"}"));

        String first = enrol(course, "Ali Hassan");
        enrol(course, "Layla Karim");
        enrol(course, "Omar Saleh");
        HttpApi.Answer full = api.post("staff", course + "/trainees", trainee("Zaid Noor"));
        assertThat(full.status()).as(full.body()).isEqualTo(409);
        assertThat(full.contentType()).startsWith("application/problem+json");

        assertNoContent(api.post("staff", course + "/trainees/" + first + "/withdrawal", "{\"reason\":\"visa refused\"}"));
        assertNoContent(api.post("staff", course + "/start", "{}"));
        assertNoContent(api.post("staff", course + "/completion", "{}"));

        JsonNode detail = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("viewer", course).json(),
                c -> "COMPLETED".equals(c.path("status").asText()));
        assertThat(detail.get("enrolled").asInt()).isEqualTo(2);
        assertThat(detail.get("startDate").asText()).isEqualTo("2019-08-23");

        JsonNode year = await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("viewer", "/api/reports/yearly-performance?from=2019&to=2019").json().get("years"),
                y -> y.size() == 1).get(0);
        assertThat(year.get("courses").asInt()).isEqualTo(1);
        assertThat(year.get("people").asInt()).isEqualTo(2);

        HttpApi.Answer roster = api.get("auditor", course + "/trainees");
        assertThat(roster.status()).isEqualTo(200);
        assertThat(roster.json()).hasSize(3);
        assertThat(api.get("viewer", course + "/trainees").status()).isEqualTo(403);
    }

    @Test
    void a_step_out_of_order_is_refused_with_the_current_state_and_appends_nothing() {
        HttpApi.Answer proposed = api.post("staff", "/api/courses", """
                {"title":"Out of order","program":"KOICA","direction":"INBOUND","partner":"Peru","capacity":10}""");
        String course = "/api/courses/" + proposed.json().get("courseId").asText();

        HttpApi.Answer refused = api.post("staff", course + "/schedule", "{\"startDate\":\"2019-08-23\",\"endDate\":\"2019-09-02\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("PROPOSED");
    }

    @Test
    void the_application_reports_up_once_it_serves_commands_and_queries() {
        HttpApi.Answer health = api.get(null, "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
    }

    private String enrol(String course, String name) {
        HttpApi.Answer enrolled = api.post("staff", course + "/trainees", trainee(name));
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        return enrolled.json().get("traineeId").asText();
    }

    private static String trainee(String name) {
        return """
                {"name":"%s","country":"Iraq","organization":"Ministry of Planning","position":"Director","level":"MID_LEVEL"}"""
                .formatted(name);
    }

    private static void assertNoContent(HttpApi.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(204);
    }
}
