package kr.go.gg.training.command.course.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import kr.go.gg.training.command.HttpTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cost and commission paths over real HTTP: the contract's answers, the rule's 409, bad input's 400, nothing left behind. */
class CostHttpTest extends HttpTestSupport {

    private static Map<String, Object> cost(String category, Object amount, String paidBy) {
        Map<String, Object> body = new HashMap<>();
        body.put("category", category);
        body.put("amount", amount);
        body.put("paidBy", paidBy);
        body.put("note", "receipt 17");
        return body;
    }

    private String scheduledChina(String direction) {
        recordAgreement("Jiangsu", "2013-01");
        Answer proposed = post("/api/courses", Map.of("title", "Jiangsu officials", "program", "CHINA_EXCHANGE",
                "direction", direction, "partner", "Jiangsu", "capacity", 15));
        assertThat(proposed.status()).as(proposed.raw().body()).isEqualTo(201);
        String course = "/api/courses/" + proposed.body().get("courseId").asText();
        assertThat(post(course + "/schedule", Map.of("startDate", "2016-04-13", "endDate", "2016-04-26")).status())
                .isEqualTo(204);
        return course;
    }

    @Test
    void a_cost_by_the_rule_is_recorded_and_answers_its_id() {
        String course = scheduledKoica(3);
        Answer recorded = post(course + "/costs", cost("ACCOMMODATION", 4_200_000, "KOICA"));
        assertThat(recorded.status()).as(recorded.raw().body()).isEqualTo(201);
        assertThat(recorded.body().get("costId").asText()).isNotBlank();
        assertThat(recorded.header("X-Course-Version")).isNotNull();
    }

    @Test
    void a_payer_against_the_rule_is_refused_naming_the_rule_and_appends_nothing() {
        String course = scheduledChina("INBOUND");
        long before = events();
        Answer refused = post(course + "/costs", cost("AIRFARE", 900_000, "GYEONGGI"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asText()).contains("Cost sharing rule", "inbound China exchange",
                "TRAINEE_ORGANIZATION");
        assertThat(events()).isEqualTo(before);
        assertThat(post(course + "/costs", cost("AIRFARE", 900_000, "TRAINEE_ORGANIZATION")).status()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "0", "1.5", "10000000001", "\"100\"", "null"})
    void an_amount_not_in_whole_positive_won_within_the_bound_is_bad_input(String amount) {
        String course = scheduledKoica(3);
        long before = events();
        String body = "{\"category\":\"AIRFARE\",\"amount\":" + amount + ",\"paidBy\":\"KOICA\"}";
        Answer refused = post(course + "/costs", body);
        assertThat(refused.status()).as(refused.raw().body()).isEqualTo(400);
        assertThat(refused.raw().body()).contains("amount");
        assertThat(events()).isEqualTo(before);
        Answer commission = post(course + "/commission", "{\"amount\":" + amount + ",\"receivedOn\":\"2016-07-01\"}");
        assertThat(commission.status()).as(commission.raw().body()).isEqualTo(400);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_category_or_payer_not_on_the_list_is_bad_input() {
        String course = scheduledKoica(3);
        assertThat(post(course + "/costs", cost("CATERING", 100, "KOICA")).status()).isEqualTo(400);
        assertThat(post(course + "/costs", cost("AIRFARE", 100, "SEOUL")).status()).isEqualTo(400);
        assertThat(post(course + "/costs", Map.of("category", "AIRFARE", "amount", 100)).status()).isEqualTo(400);
    }

    @Test
    void a_cost_recorded_in_error_is_withdrawn_once() {
        String course = scheduledKoica(3);
        String costId = post(course + "/costs", cost("TRAVEL", 300_000, "KOICA")).body().get("costId").asText();
        String withdrawal = course + "/costs/" + costId + "/withdrawal";
        assertThat(post(withdrawal, Map.of("reason", "entered twice")).status()).isEqualTo(204);
        assertThat(post(withdrawal, Map.of("reason", "again")).status()).isEqualTo(409);
        assertThat(post(course + "/costs/no-such-cost/withdrawal", Map.of("reason", "?")).status()).isEqualTo(404);
        assertThat(post(withdrawal, Map.of()).status()).isEqualTo(400);
        assertThat(get(AUDITOR, course + "/history").raw().body()).as("both records stay for the auditor")
                .contains("CostRecorded", "CostWithdrawn", "entered twice");
    }

    @Test
    void a_koica_course_records_its_commission_and_a_china_course_is_refused() {
        String koica = scheduledKoica(3);
        Map<String, Object> commission = Map.of("amount", 30_000_000, "receivedOn", "2016-07-01");
        assertThat(post(koica + "/commission", commission).status()).isEqualTo(204);
        long before = events();
        assertThat(post(koica + "/commission", commission).status()).isEqualTo(204);
        assertThat(events()).as("the same commission again appends nothing").isEqualTo(before);

        Answer refused = post(scheduledChina("OUTBOUND") + "/commission", commission);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asText()).contains("only a KOICA course");
    }

    @Test
    void an_unknown_course_is_not_found_and_a_viewer_is_forbidden() {
        assertThat(post("/api/courses/no-such-course/costs", cost("AIRFARE", 100, "KOICA")).status()).isEqualTo(404);
        assertThat(post("/api/courses/no-such-course/commission", Map.of("amount", 1, "receivedOn", "2016-07-01"))
                .status()).isEqualTo(404);
        assertThat(post(VIEWER, scheduledKoica(3) + "/costs", cost("AIRFARE", 100, "KOICA"), Map.of()).status())
                .isEqualTo(403);
    }
}
