package kr.go.gg.training.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Costs and commission end to end (issue 19): recorded by the rule on a China exchange and a KOICA course of 2034,
 * shown with each course, summed in the costs report (with the reciprocity of the province and the non-tax revenue)
 * and the commission in the yearly report.
 */
class MoneyWalkTest extends StandaloneTestBase {

    private static final String YEAR = "2034";

    private String scheduled(String proposal, String start, String end, boolean koica) {
        HttpApi.Answer proposed = api.post("staff", "/api/courses", proposal);
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String course = "/api/courses/" + proposed.json().get("courseId").asText();
        if (koica) {
            for (String[] step : new String[][]{{"/demand-survey", "{\"surveyedOn\":\"2032-05-10\"}"},
                    {"/selection", "{\"selected\":true,\"decidedOn\":\"2034-01-07\"}"},
                    {"/consignee-invitation", "{\"quarter\":1,\"publishedOn\":\"2034-02-04\"}"},
                    {"/consignee-selection", "{\"awarded\":true,\"decidedOn\":\"2034-03-20\"}"}}) {
                assertThat(api.post("staff", course + step[0], step[1]).status()).isEqualTo(204);
            }
        }
        String schedule = "{\"startDate\":\"" + start + "\",\"endDate\":\"" + end + "\"}";
        assertThat(api.post("staff", course + "/schedule", schedule).status()).isEqualTo(204);
        return course;
    }

    private void cost(String course, String category, long amount, String paidBy, int status) {
        HttpApi.Answer answer = api.post("staff", course + "/costs", """
                {"category":"%s","amount":%d,"paidBy":"%s","note":"walk"}""".formatted(category, amount, paidBy));
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    }

    @Test
    void costs_and_commission_reach_the_course_and_both_reports() {
        assertThat(api.post("staff", "/api/agreements",
                "{\"province\":\"Hebei\",\"classification\":\"GENERAL\",\"signedOn\":\"2013-01\"}").status()).isIn(200, 201);
        String hebei = scheduled("""
                {"title":"Hebei officials","program":"CHINA_EXCHANGE","direction":"INBOUND","partner":"Hebei","capacity":15}""",
                "2034-09-17", "2034-09-30", false);
        String koica = scheduled("""
                {"title":"Iraq planning","program":"KOICA","direction":"INBOUND","partner":"Iraq","capacity":15,"trainingYear":2034}""",
                "2034-08-23", "2034-09-02", true);
        cost(hebei, "ACCOMMODATION", 8_000_000, "GYEONGGI", 201);
        cost(hebei, "EDUCATION", 6_000_000, "GYEONGGI", 201);
        cost(hebei, "AIRFARE", 3_000_000, "TRAINEE_ORGANIZATION", 201);
        cost(hebei, "AIRFARE", 3_000_000, "GYEONGGI", 409);
        cost(koica, "EDUCATION", 20_000_000, "KOICA", 201);
        assertThat(api.post("staff", koica + "/commission", "{\"amount\":30000000,\"receivedOn\":\"2034-09-30\"}").status())
                .isEqualTo(204);

        JsonNode course = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("viewer", hebei).json(),
                c -> c.path("costs").size() == 3);
        assertThat(course.get("costs").get(0).get("category").asText()).isEqualTo("ACCOMMODATION");
        assertThat(course.get("costs").get(0).get("amount").asLong()).isEqualTo(8_000_000);
        assertThat(course.get("costs").get(0).get("costId").asText()).isNotBlank();

        JsonNode report = await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("viewer", "/api/reports/costs?year=" + YEAR).json(), r -> r.path("nonTaxRevenue").asLong() > 0);
        assertThat(report.get("year").asInt()).isEqualTo(2034);
        assertThat(report.get("nonTaxRevenue").asLong()).isEqualTo(30_000_000);
        assertThat(report.get("byProgram").toString()).contains(
                "{\"program\":\"CHINA_EXCHANGE\",\"direction\":\"INBOUND\",\"category\":\"ACCOMMODATION\",\"paidBy\":\"GYEONGGI\",\"amount\":8000000}",
                "{\"program\":\"KOICA\",\"direction\":\"INBOUND\",\"category\":\"EDUCATION\",\"paidBy\":\"KOICA\",\"amount\":20000000}");
        assertThat(report.get("reciprocity").toString()).isEqualTo(
                "[{\"province\":\"Hebei\",\"year\":2034,\"paidForProvinceOfficials\":14000000,\"paidForGyeonggiOfficials\":0}]");

        JsonNode years = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("viewer",
                "/api/reports/yearly-performance?from=2034&to=2034").json().get("years"), y -> y.size() == 1);
        assertThat(years.get(0).get("nonTaxRevenue").asLong()).isEqualTo(30_000_000);
        assertThat(api.get("viewer", "/api/reports/costs").status()).isEqualTo(400);
        assertThat(api.get("viewer", "/api/reports/costs?year=1800").status()).isEqualTo(400);
    }
}
