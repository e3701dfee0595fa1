package kr.go.gg.training.command.audit;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import kr.go.gg.training.command.HttpTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CourseHistoryHttpTest extends HttpTestSupport {

    @Test
    void history_lists_every_event_oldest_first_with_who_issued_it() {
        String id = proposeKoica(3);
        post(ADMIN, "/api/courses/" + id + "/demand-survey", Map.of("surveyedOn", "2015-05-01"), Map.of("X-Correlation-Id", "audit-1"));
        Answer history = get(AUDITOR, "/api/courses/" + id + "/history");
        assertThat(history.status()).isEqualTo(200);
        JsonNode events = history.body();
        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("sequence").asLong()).isZero();
        assertThat(events.get(0).get("type").asText()).isEqualTo("CourseProposed");
        assertThat(events.get(0).get("payload").get("partner").asText()).isEqualTo("Vietnam");
        assertThat(events.get(0).get("metadata").get("user").asText()).isEqualTo(STAFF);
        assertThat(events.get(1).get("type").asText()).isEqualTo("DemandSurveyRecorded");
        assertThat(events.get(1).get("payload").get("surveyedOn").asText()).isEqualTo("2015-05-01");
        assertThat(events.get(1).get("metadata").get("user").asText()).isEqualTo(ADMIN);
        assertThat(events.get(1).get("metadata").get("correlationId").asText()).isEqualTo("audit-1");
        assertThat(events.get(0).get("metadata").get("command").asText()).isEqualTo("ProposeCourse");
        assertThat(events.get(1).get("metadata").get("command").asText()).isEqualTo("RecordDemandSurvey");
        assertThat(Instant.parse(events.get(1).get("timestamp").asText())).isBeforeOrEqualTo(Instant.now());

        Answer page = get(AUDITOR, "/api/courses/" + id + "/history?fromSequence=1&limit=1");
        assertThat(page.body()).hasSize(1);
        assertThat(page.body().get(0).get("sequence").asLong()).isEqualTo(1);
        Answer badLimit = get(AUDITOR, "/api/courses/" + id + "/history?limit=0");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.body().get("errors").get(0).get("field").asText()).isEqualTo("limit");
    }

    @Test
    void history_of_an_unknown_course_or_an_agreement_is_not_found() {
        assertThat(get(AUDITOR, "/api/courses/nothing-here/history").status()).isEqualTo(404);
        String agreementId = recordAgreement("Guangdong", "2005-10");
        assertThat(get(AUDITOR, "/api/courses/" + agreementId + "/history").status()).isEqualTo(404);
    }

    @Test
    void state_as_of_an_instant_folds_the_events_up_to_it() throws Exception {
        String id = proposeKoica(3);
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        post("/api/courses/" + id + "/demand-survey", Map.of("surveyedOn", "2015-05-01"));

        Answer before = get(AUDITOR, "/api/courses/" + id + "/state?asOf=" + between);
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.body().get("version").asLong()).isZero();
        assertThat(before.body().get("course").get("status").asText()).isEqualTo("PROPOSED");

        Answer now = get(STAFF, "/api/courses/" + id + "/state");
        assertThat(now.body().get("version").asLong()).isEqualTo(1);
        assertThat(now.body().get("course").get("status").asText()).isEqualTo("DEMAND_SURVEYED");
        assertThat(now.body().get("course").get("lastStageDate").asText()).isEqualTo("2015-05-01");

        assertThat(get(AUDITOR, "/api/courses/" + id + "/state?asOf=2000-01-01T00:00:00Z").status()).isEqualTo(404);
        assertThat(get(AUDITOR, "/api/courses/" + id + "/state?asOf=yesterday").status()).isEqualTo(400);
        assertThat(get(VIEWER, "/api/courses/" + id + "/state").status()).isEqualTo(403);
    }
}
