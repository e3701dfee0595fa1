package kr.go.gg.training.command.agreement.web;

import java.util.Map;

import kr.go.gg.training.command.HttpTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgreementHttpTest extends HttpTestSupport {

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
        // no course was made: the refusal names none, with or without a key (whose id is derived before dispatch)
        Answer keyed = post("staff", "/api/courses", china("Anhui"), Map.of("Idempotency-Key", "anhui-1"));
        for (Answer answer : new Answer[] {refused, keyed}) {
            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.header("Location")).isNull();
            assertThat(answer.body().has("courseId")).isFalse();
            assertThat(answer.body().toString()).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-");
        }
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
    void an_agreement_posted_again_answers_200_with_the_existing_id_and_records_nothing() {
        Answer first = post("/api/agreements", Map.of("province", "Jilin", "classification", "GENERAL", "signedOn", "2015-07"));
        assertThat(first.status()).isEqualTo(201);
        long after = events();
        Answer again = post("/api/agreements", Map.of("province", " jilin  Province ", "classification", "GENERAL", "signedOn", "2015-07"));
        assertThat(again.status()).as(again.raw().body()).isEqualTo(200);
        assertThat(again.body().get("agreementId")).isEqualTo(first.body().get("agreementId"));
        assertThat(events()).isEqualTo(after);
        Answer otherMonth = post("/api/agreements", Map.of("province", "Jilin", "classification", "GENERAL", "signedOn", "2015-08"));
        assertThat(otherMonth.status()).isEqualTo(201);
        assertThat(otherMonth.body().get("agreementId")).isNotEqualTo(first.body().get("agreementId"));
    }

    @Test
    void a_province_must_be_one_of_chinas_provincial_level_divisions() {
        long before = events();
        for (String place : new String[]{"Atlantis", " \uD83D\uDC3C ", "Shandongg", "Province", "Gyeonggi", "Korea"}) {
            Answer answer = post("/api/agreements", "{\"province\":\"" + place + "\",\"classification\":\"GENERAL\",\"signedOn\":\"2013-05\"}");
            assertThat(answer.status()).as(place).isEqualTo(400);
            assertThat(answer.body().get("errors").get(0).get("field").asText()).as(place).isEqualTo("province");
        }
        Answer course = post("/api/courses", china("Atlantis"));
        assertThat(course.status()).isEqualTo(400);
        assertThat(course.body().get("errors").get(0).get("field").asText()).isEqualTo("partner");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_command_answers_the_event_position_of_the_last_event_written_even_when_it_appends_nothing() {
        Map<String, Object> agreement = Map.of("province", "Yunnan", "classification", "GENERAL", "signedOn", "2010-02");
        Answer first = post("/api/agreements", agreement);
        long last = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        assertThat(first.header("X-Event-Position")).isEqualTo(Long.toString(last));
        Answer again = post("/api/agreements", agreement);
        assertThat(again.status()).isEqualTo(200);
        assertThat(Long.parseLong(again.header("X-Event-Position"))).isGreaterThanOrEqualTo(last);
    }
}
