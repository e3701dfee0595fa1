package kr.go.gg.training.command.importing;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import kr.go.gg.training.command.HttpTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HistoricalImportHttpTest extends HttpTestSupport {

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

    @Test
    void the_import_records_its_agreements_once_each_under_the_ids_a_post_finds() {
        Map<String, Object> body = Map.of(
                "agreements", List.of(
                        Map.of("province", "Zhejiang", "classification", "GENERAL", "signedOn", "2009-03"),
                        Map.of("province", "Zhejiang", "classification", "EXECUTIVES", "signedOn", "2011-07")),
                "courses", List.of(
                        Map.of("program", "KOICA", "partner", "Laos", "startDate", "2013-10-01", "endDate", "2013-10-20", "people", 12)));
        long before = events();
        Answer first = post("/api/imports/historical-courses", body);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(first.body().get("agreementsRecorded").asInt()).isEqualTo(2);
        assertThat(first.body().get("agreementsAlreadyRecorded").asInt()).isEqualTo(0);
        assertThat(events()).isEqualTo(before + 3);

        Answer again = post("/api/imports/historical-courses", body);
        assertThat(again.body().get("agreementsRecorded").asInt()).isEqualTo(0);
        assertThat(again.body().get("agreementsAlreadyRecorded").asInt()).isEqualTo(2);
        Answer posted = post("/api/agreements", Map.of("province", "Zhejiang", "classification", "GENERAL", "signedOn", "2009-03"));
        assertThat(posted.status()).isEqualTo(200);
        assertThat(events()).isEqualTo(before + 3);
        assertThat(events(posted.body().get("agreementId").asText())).isEqualTo(1);
    }

    @Test
    void the_import_answers_the_event_position_after_its_last_event_in_its_body_and_header() {
        Answer answer = post("/api/imports/historical-courses", Map.of("courses", List.of(
                Map.of("program", "KOICA", "partner", "Nepal", "startDate", "2012-03-01", "endDate", "2012-03-10", "people", 9))));
        long last = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        assertThat(answer.body().get("position").asLong()).isEqualTo(last);
        assertThat(answer.header("X-Event-Position")).isEqualTo(Long.toString(last));
    }

    @Test
    void a_bad_agreement_row_refuses_the_whole_import_naming_its_field() {
        long before = events();
        Answer answer = post("/api/imports/historical-courses", Map.of(
                "agreements", List.of(Map.of("province", "Atlantis", "classification", "GENERAL", "signedOn", "2009-03")),
                "courses", List.of(
                        Map.of("program", "KOICA", "partner", "Laos", "startDate", "2011-10-01", "endDate", "2011-10-20", "people", 12))));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo("agreements[0].province");
        assertThat(events()).isEqualTo(before);
    }
}
