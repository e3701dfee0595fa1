package kr.go.gg.training.command.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import kr.go.gg.training.command.HttpTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgreementAndImportHttpTest extends HttpTestSupport {

    private static Map<String, Object> china(String partner) {
        return Map.of("title", "Officials of " + partner, "program", "CHINA_EXCHANGE", "direction", "INBOUND",
                "partner", partner, "capacity", 20);
    }

    @Test
    void a_china_course_is_accepted_right_after_its_agreement_and_walks_to_completion() {
        assertThat(post("/api/courses", china("Hebei Province")).status()).isEqualTo(409);
        Answer agreement = post("/api/agreements", Map.of("province", "Hebei Province", "classification", "GENERAL", "signedOn", "2013-01"));
        assertThat(agreement.status()).isEqualTo(201);
        assertThat(agreement.body().get("agreementId").asText()).isNotBlank();

        Answer course = post("/api/courses", china("hebei"));
        assertThat(course.status()).isEqualTo(201);
        String id = course.body().get("courseId").asText();
        assertThat(post("/api/courses/" + id + "/schedule", Map.of("startDate", "2016-09-01", "endDate", "2016-09-10")).status()).isEqualTo(204);
        assertThat(post("/api/courses/" + id + "/trainees", Map.of("name", "Wang", "country", "Hebei", "organization", "Shijiazhuang",
                "position", "Officer")).status()).isEqualTo(201);
        assertThat(post("/api/courses/" + id + "/start", Map.of()).status()).isEqualTo(204);
        assertThat(post("/api/courses/" + id + "/completion", Map.of()).status()).isEqualTo(204);
        assertThat(events(id)).isEqualTo(5);
    }

    @Test
    void an_agreement_signed_in_a_future_month_is_not_yet_in_force() {
        assertThat(post("/api/agreements", Map.of("province", "Anhui", "classification", "GENERAL", "signedOn", "2099-12")).status()).isEqualTo(201);
        Answer refused = post("/api/courses", china("Anhui"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asText()).contains("no exchange agreement with Anhui");
    }

    @Test
    void agreement_input_errors_are_bad_requests() {
        assertThat(post("/api/agreements", Map.of("province", "Jiangsu", "classification", "SECRET", "signedOn", "2013-01")).status()).isEqualTo(400);
        assertThat(post("/api/agreements", Map.of("province", "Jiangsu", "classification", "GENERAL", "signedOn", "2013-13")).status()).isEqualTo(400);
        Answer tooEarly = post("/api/agreements", Map.of("province", "Jiangsu", "classification", "GENERAL", "signedOn", "1980-01"));
        assertThat(tooEarly.status()).isEqualTo(400);
        assertThat(tooEarly.body().get("errors").get(0).get("field").asText()).isEqualTo("signedOn");
    }

    @Test
    void the_historical_import_imports_once_and_reports_printed_totals_that_disagree() {
        Map<String, Object> body = Map.of(
                "courses", List.of(
                        Map.of("program", "CHINA_EXCHANGE", "partner", "Jiangsu", "startDate", "2016-06-29", "endDate", "2016-07-08", "people", 15),
                        Map.of("program", "CHINA_EXCHANGE", "partner", "Shandong", "startDate", "2016-09-01", "endDate", "2016-09-10", "people", 10),
                        Map.of("program", "KOICA", "partner", "Laos", "startDate", "2016-10-01", "endDate", "2016-10-20", "people", 12),
                        Map.of("program", "CHINA_EXCHANGE", "direction", "OUTBOUND", "partner", "Jiangsu", "startDate", "2016-11-01", "endDate", "2016-11-05", "people", 16)),
                "printedTotals", List.of(
                        Map.of("year", 2016, "courses", 3, "people", 37),
                        Map.of("year", 2016, "program", "CHINA_EXCHANGE", "courses", 2, "people", 25),
                        Map.of("year", 2016, "program", "KOICA", "courses", 1, "people", 20)));
        long before = events();
        Answer first = post("/api/imports/historical-courses", body);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("imported").asInt()).isEqualTo(4);
        assertThat(first.body().get("alreadyImported").asInt()).isEqualTo(0);
        JsonNode discrepancies = first.body().get("discrepancies");
        assertThat(discrepancies).hasSize(1);
        assertThat(discrepancies.get(0).get("year").asInt()).isEqualTo(2016);
        assertThat(discrepancies.get(0).get("program").asText()).isEqualTo("KOICA");
        assertThat(discrepancies.get(0).get("printed").get("people").asInt()).isEqualTo(20);
        assertThat(discrepancies.get(0).get("computed").get("people").asInt()).isEqualTo(12);
        assertThat(events()).isEqualTo(before + 4);

        Answer again = post("/api/imports/historical-courses", body);
        assertThat(again.body().get("imported").asInt()).isEqualTo(0);
        assertThat(again.body().get("alreadyImported").asInt()).isEqualTo(4);
        assertThat(events()).isEqualTo(before + 4);
    }

    @Test
    void a_bad_import_row_refuses_the_whole_import() {
        long before = events();
        Answer answer = post("/api/imports/historical-courses", Map.of("courses", List.of(
                Map.of("program", "KOICA", "partner", "Nepal", "startDate", "2015-01-01", "endDate", "2015-01-10", "people", 5),
                Map.of("program", "KOICA", "partner", "Nepal", "startDate", "2015-02-10", "endDate", "2015-02-01", "people", 5))));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo("courses[1].endDate");
        assertThat(events()).isEqualTo(before);
        assertThat(post("/api/imports/historical-courses", Map.of("courses", List.of(Map.of("program", "KOICA")))).status()).isEqualTo(400);
    }
}
