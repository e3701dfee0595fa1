package kr.go.gg.training.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The import's {@code outboundSummaries} on the contract: the seed's 2016 figure shows in the 2016 report's outbound,
 * a repeat records nothing and says so, a bad row refuses the whole import naming its field and leaves nothing behind.
 */
class OutboundSummaryImportTest extends StandaloneTestBase {

    private static final String NEW_COURSE = """
            {"program":"CHINA_EXCHANGE","partner":"Hebei Province","startDate":"2087-04-01","endDate":"2087-04-10","people":12}""";

    private HttpApi.Answer importing(String summaries) {
        return api.post("staff", "/api/imports/historical-courses",
                "{\"courses\":[" + NEW_COURSE + "],\"outboundSummaries\":[" + summaries + "]}");
    }

    @Test
    void the_seeds_2016_outbound_figure_shows_in_the_2016_report() {
        JsonNode y2016 = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get("viewer", "/api/reports/yearly-performance?from=2016&to=2016").json().path("years").path(0),
                y -> y.path("outbound").path("courses").asInt() == 4);
        assertThat(y2016.get("outbound").get("people").asInt()).isEqualTo(64);
        assertThat(y2016.get("courses").asInt()).isEqualTo(2); // inbound only, as printed
        assertThat(y2016.get("people").asInt()).isEqualTo(29);
    }

    @Test
    void the_same_figure_again_records_nothing_and_the_answer_says_so() {
        HttpApi.Answer again = api.post("staff", "/api/imports/historical-courses", """
                {"courses":[],"outboundSummaries":[{"year":2016,"courses":4,"people":64,
                 "partners":["Liaoning Province","Jiangsu","Hebei","Shandong"]}]}""");

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("outboundSummariesRecorded").asInt()).isZero();
        assertThat(again.json().get("outboundSummariesAlreadyRecorded").asInt()).isEqualTo(1);
    }

    @Test
    void a_new_years_figure_is_recorded_once_and_counts_in_that_year() {
        String figure = "{\"year\":2032,\"courses\":2,\"people\":30,\"partners\":[\"Guangdong\",\"Shandong\"]}";
        HttpApi.Answer first = api.post("staff", "/api/imports/historical-courses",
                "{\"courses\":[],\"outboundSummaries\":[" + figure + "]}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("outboundSummariesRecorded").asInt()).isEqualTo(1);

        JsonNode year = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("viewer",
                "/api/reports/yearly-performance?from=2032&to=2032&minPosition=" + first.json().get("position").asLong())
                .json().path("years"), y -> y.size() == 1).get(0);
        assertThat(year.get("outbound").get("courses").asInt()).isEqualTo(2);
        assertThat(year.get("outbound").get("people").asInt()).isEqualTo(30);
        assertThat(year.get("courses").asInt()).isZero();
    }

    @Test
    void a_different_figure_for_a_year_recorded_before_is_refused() {
        HttpApi.Answer other = api.post("staff", "/api/imports/historical-courses", """
                {"courses":[],"outboundSummaries":[{"year":2016,"courses":5,"people":70,"partners":["Hebei"]}]}""");

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.json().get("detail").asText()).contains("recorded already as 4 courses, 64 trainees");
    }

    @Test
    void a_year_out_of_range_refuses_the_whole_import_naming_the_field() {
        assertRefused(importing("{\"year\":1899,\"courses\":1,\"people\":10,\"partners\":[\"Hebei\"]}"),
                "outboundSummaries[0].year");
    }

    @Test
    void a_negative_count_refuses_the_whole_import_naming_the_field() {
        assertRefused(importing("{\"year\":2031,\"courses\":-1,\"people\":10,\"partners\":[\"Hebei\"]}"),
                "outboundSummaries[0].courses");
        assertRefused(importing("{\"year\":2031,\"courses\":1,\"people\":-10,\"partners\":[\"Hebei\"]}"),
                "outboundSummaries[0].people");
    }

    @Test
    void a_partner_that_is_not_a_chinese_province_refuses_the_whole_import_naming_the_field() {
        assertRefused(importing("{\"year\":2031,\"courses\":1,\"people\":10,\"partners\":[\"Hebei\",\"Peru\"]}"),
                "outboundSummaries[0].partners[1]");
    }

    private void assertRefused(HttpApi.Answer answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
        // nothing of the refused import was imported: its one course is still unknown
        api.get("viewer", "/api/courses?year=2087").json().forEach(course -> assertThat(course.get("partner").asText()
                + " " + course.get("startDate").asText()).isNotEqualTo("Hebei Province 2087-04-01"));
    }
}
