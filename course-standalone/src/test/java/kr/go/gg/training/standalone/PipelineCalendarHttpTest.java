package kr.go.gg.training.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** KOICA's calendar on the pipeline (docs/api.md): nextStep, due and overdue as of a day or an instant. */
class PipelineCalendarHttpTest extends StandaloneTestBase {

    private String courseId;

    @BeforeEach
    void proposed() {
        HttpApi.Answer proposed = api.post("staff", "/api/courses", """
                {"title":"Water management","program":"KOICA","direction":"INBOUND","partner":"Cambodia",
                 "capacity":12,"trainingYear":2040}""");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        courseId = proposed.json().get("courseId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("viewer", "/api/pipeline?year=2040").body(),
                body -> body.contains(courseId));
    }

    private JsonNode card(String query) {
        for (JsonNode card : api.get("viewer", "/api/pipeline?year=2040" + query).json().get("stages").get("PROPOSED")) {
            if (card.get("courseId").asText().equals(courseId)) {
                return card;
            }
        }
        throw new AssertionError("course " + courseId + " not on the board");
    }

    @Test
    void a_proposed_course_waits_for_its_demand_survey_due_by_the_end_of_the_year_before_last() {
        JsonNode onTime = card("&asOf=2038-12-31");
        assertThat(onTime.get("nextStep").asText()).isEqualTo("RECORD_DEMAND_SURVEY");
        assertThat(onTime.get("due").asText()).isEqualTo("2038-12-31");
        assertThat(onTime.get("overdue").asBoolean()).isFalse();
        assertThat(card("&asOf=2039-01-01").get("overdue").asBoolean()).isTrue();
    }

    @Test
    void an_instant_is_taken_as_the_day_it_was_in_seoul() {
        assertThat(card("&asOf=2038-12-31T14:59:59Z").get("overdue").asBoolean()).isFalse();
        assertThat(card("&asOf=2038-12-31T15:00:00Z").get("overdue").asBoolean()).isTrue(); // midnight in Seoul
    }

    @Test
    void without_as_of_the_board_is_judged_today() {
        // the course's survey (due 2038-12-31) is not overdue today; a closed seed course waits for nothing
        assertThat(card("").get("overdue").asBoolean()).isFalse();
        JsonNode completed = api.get("viewer", "/api/pipeline?year=2016").json().get("stages").get("COMPLETED").get(0);
        assertThat(completed.get("nextStep").isNull()).isTrue();
        assertThat(completed.get("due").isNull()).isTrue();
        assertThat(completed.get("overdue").asBoolean()).isFalse();
    }

    @Test
    void a_bad_as_of_is_refused_naming_it() {
        HttpApi.Answer refused = api.get("viewer", "/api/pipeline?year=2040&asOf=yesterday");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("asOf");
    }
}
