package kr.go.gg.training.command.platform.web;

import java.util.Map;

import kr.go.gg.training.command.HttpTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandErrorsHttpTest extends HttpTestSupport {

    private static final String PROPOSE = "/api/courses";

    @Test
    void malformed_json_is_a_bad_request() {
        Answer answer = post(STAFF, PROPOSE, "{\"title\": ", Map.of());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.body().get("detail").asText()).startsWith("The request body ends before its JSON document does");
        assertThat(answer.body().get("status").asInt()).isEqualTo(400);
        assertThat(answer.body().get("title").asText()).isEqualTo("Invalid request");
    }

    @Test
    void an_unknown_enum_value_names_the_field_and_the_allowed_values() {
        Answer answer = post(PROPOSE, Map.of("title", "t", "program", "MARS", "direction", "INBOUND", "partner", "p", "capacity", 3));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo("program");
        assertThat(answer.body().get("detail").asText()).contains("CHINA_EXCHANGE", "KOICA");
    }

    @Test
    void a_wrong_type_names_the_field() {
        Answer answer = post(PROPOSE, Map.of("title", "t", "program", "KOICA", "direction", "INBOUND", "partner", "p", "capacity", "many"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo("capacity");
    }

    @Test
    void a_fractional_number_is_not_rounded_into_a_whole_one() {
        Answer answer = post(PROPOSE, Map.of("title", "t", "program", "KOICA", "direction", "INBOUND", "partner", "p", "capacity", 3.5));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo("capacity");
    }

    @Test
    void bean_validation_lists_every_bad_field() {
        Answer answer = post(PROPOSE, Map.of("title", " ", "program", "KOICA", "capacity", 0));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("errors").findValuesAsText("field")).contains("title", "direction", "partner", "capacity");
    }

    @Test
    void a_value_refused_by_a_shared_api_constructor_names_its_field() {
        Answer answer = post(PROPOSE, Map.of("title", "t", "program", "KOICA", "direction", "OUTBOUND", "partner", "p", "capacity", 3));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo("direction");
    }

    @Test
    void a_period_ending_before_it_starts_is_a_bad_request_and_appends_nothing() {
        String id = proposeKoica(3);
        Answer answer = post("/api/courses/" + id + "/schedule", Map.of("startDate", "2016-06-10", "endDate", "2016-06-01"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo("endDate");
        assertThat(events(id)).isEqualTo(1);
    }

    @Test
    void a_bad_date_is_a_bad_request() {
        String id = proposeKoica(3);
        Answer answer = post("/api/courses/" + id + "/demand-survey", Map.of("surveyedOn", "2016-13-45"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo("surveyedOn");
    }

    @Test
    void a_missing_body_is_a_bad_request() {
        String id = proposeKoica(3);
        assertThat(post("/api/courses/" + id + "/cancellation", null).status()).isEqualTo(400);
    }

    @Test
    void every_course_step_on_an_unknown_course_is_not_found() {
        String unknown = "/api/courses/no-such-course";
        Map<String, Object> bodies = Map.of(
                "/demand-survey", Map.of("surveyedOn", "2016-01-01"),
                "/selection", Map.of("selected", true, "decidedOn", "2016-01-01"),
                "/consignee-invitation", Map.of("quarter", 1, "publishedOn", "2016-01-01"),
                "/consignee-selection", Map.of("awarded", true, "decidedOn", "2016-01-01"),
                "/schedule", Map.of("startDate", "2016-01-01", "endDate", "2016-01-02"),
                "/trainees", trainee("Kim", "MID_LEVEL"),
                "/trainees/t-1/withdrawal", Map.of("reason", "r"),
                "/start", Map.of(),
                "/completion", Map.of(),
                "/cancellation", Map.of("reason", "r"));
        bodies.forEach((step, body) -> {
            Answer answer = post(unknown + step, body);
            assertThat(answer.status()).as(step).isEqualTo(404);
            assertThat(answer.header("Content-Type")).as(step).startsWith("application/problem+json");
        });
    }

    @Test
    void every_step_out_of_order_is_a_conflict_naming_the_state_and_appends_nothing() {
        String id = proposeKoica(3);
        Map<String, Object> bodies = Map.of(
                "/selection", Map.of("selected", true, "decidedOn", "2016-01-01"),
                "/consignee-invitation", Map.of("quarter", 1, "publishedOn", "2016-01-01"),
                "/consignee-selection", Map.of("awarded", true, "decidedOn", "2016-01-01"),
                "/schedule", Map.of("startDate", "2016-01-01", "endDate", "2016-01-02"),
                "/trainees", trainee("Kim", "MID_LEVEL"),
                "/start", Map.of(),
                "/completion", Map.of());
        bodies.forEach((step, body) -> {
            Answer answer = post("/api/courses/" + id + step, body);
            assertThat(answer.status()).as(step).isEqualTo(409);
            assertThat(answer.body().get("detail").asText()).as(step)
                    .contains("is PROPOSED", "allowed now: record demand survey, cancel");
        });
        assertThat(events(id)).isEqualTo(1);
    }

    @Test
    void withdrawal_of_an_unknown_trainee_is_not_found_and_a_second_withdrawal_a_conflict() {
        String id = scheduledKoica();
        assertThat(post("/api/courses/" + id + "/trainees/nobody/withdrawal", Map.of("reason", "r")).status()).isEqualTo(404);
        String traineeId = post("/api/courses/" + id + "/trainees", trainee("Kim", "MID_LEVEL")).body().get("traineeId").asText();
        assertThat(post("/api/courses/" + id + "/trainees/" + traineeId + "/withdrawal", Map.of("reason", "r")).status()).isEqualTo(204);
        assertThat(post("/api/courses/" + id + "/trainees/" + traineeId + "/withdrawal", Map.of("reason", "r")).status()).isEqualTo(409);
    }

    @Test
    void enrolment_refusals_are_conflicts() {
        String id = scheduledKoica();
        assertThat(post("/api/courses/" + id + "/trainees", trainee("Kim", "MID_LEVEL")).status()).isEqualTo(201);
        assertThat(post("/api/courses/" + id + "/trainees", trainee("Kim", "HIGH_RANKING")).status()).isEqualTo(409);
        assertThat(post("/api/courses/" + id + "/trainees", Map.of("name", "Lee")).status()).isEqualTo(400);
        assertThat(events(id)).isEqualTo(7);
    }

    @Test
    void a_koica_trainee_without_a_level_is_a_bad_request_naming_the_field() {
        String id = scheduledKoica();
        Answer answer = post("/api/courses/" + id + "/trainees", trainee("Lee", null));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("title").asText()).isEqualTo("Invalid request");
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo("level");
        assertThat(answer.body().get("errors").get(0).get("message").asText()).startsWith("is required in a KOICA course");
        assertThat(events(id)).isEqualTo(6);
    }

    @Test
    void a_stage_date_before_the_previous_stage_is_a_conflict() {
        String id = proposeKoica(3);
        post("/api/courses/" + id + "/demand-survey", Map.of("surveyedOn", "2015-05-01"));
        Answer answer = post("/api/courses/" + id + "/selection", Map.of("selected", false, "decidedOn", "2015-04-01"));
        assertThat(answer.status()).isEqualTo(409);
        assertThat(post("/api/courses/" + id + "/selection", Map.of("selected", false, "decidedOn", "2016-01-05")).status()).isEqualTo(204);
    }

    @Test
    void a_cancellation_needs_a_reason_and_closes_the_course() {
        String id = proposeKoica(3);
        assertThat(post("/api/courses/" + id + "/cancellation", Map.of("reason", "")).status()).isEqualTo(400);
        assertThat(post("/api/courses/" + id + "/cancellation", Map.of("reason", "budget")).status()).isEqualTo(204);
        assertThat(post("/api/courses/" + id + "/demand-survey", Map.of("surveyedOn", "2016-01-01")).status()).isEqualTo(409);
    }

    @Test
    void an_over_long_id_is_a_bad_request() {
        assertThat(post("/api/courses/" + "x".repeat(65) + "/start", Map.of()).status()).isEqualTo(400);
    }

    private String scheduledKoica() {
        String id = proposeKoica(3);
        post("/api/courses/" + id + "/demand-survey", Map.of("surveyedOn", "2014-05-01"));
        post("/api/courses/" + id + "/selection", Map.of("selected", true, "decidedOn", "2016-01-05"));
        post("/api/courses/" + id + "/consignee-invitation", Map.of("quarter", 1, "publishedOn", "2016-02-03"));
        post("/api/courses/" + id + "/consignee-selection", Map.of("awarded", true, "decidedOn", "2016-03-10"));
        assertThat(post("/api/courses/" + id + "/schedule", Map.of("startDate", "2016-06-01", "endDate", "2016-06-14")).status()).isEqualTo(204);
        return id;
    }
}
