package kr.go.gg.training.query.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import kr.go.gg.training.api.agreement.AgreementClassification;
import kr.go.gg.training.api.agreement.AgreementId;
import kr.go.gg.training.api.agreement.AgreementRecorded;
import kr.go.gg.training.api.agreement.Province;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseProposed;
import kr.go.gg.training.api.course.CourseScheduled;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.query.QueryApplicationTest;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

/** {@code GET /api/audit-log} through the real processor, query bus and security chain. */
class AuditLogHttpTest extends QueryApplicationTest {


    private void append(String type, String aggregateId, long sequence, Object payload, String user, Instant at) {
        eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload,
                Map.of("user", user, "correlationId", "corr-" + sequence), UUID.randomUUID().toString(), at));
    }


    private void assertBadRequest(String query, String field) throws Exception {
        HttpResponse<String> response = get("auditor", "/api/audit-log?" + query);
        assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(body(response).get("status").asInt()).isEqualTo(400);
        assertThat(body(response).get("errors").get(0).get("field").asText()).as(query).isEqualTo(field);
    }

    private HttpResponse<String> post(String user, String path) throws Exception {
        return http.send(request(user, path).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void auditorsAndAdminsFindWhoDidWhatByUserAndDay() throws Exception {
        // a user name of its own, so events of other test classes (same context) do not interfere
        String clerk = "clerk-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        String course = newId();
        String agreement = newId();
        CourseId courseId = new CourseId(course);
        append("Course", course, 0, new CourseProposed(courseId, "Audited", Program.KOICA, Direction.INBOUND, "Peru", 10, 2033),
                clerk, Instant.parse("2033-03-01T23:59:59Z"));
        append("Course", course, 1, new CourseScheduled(courseId, new Period(LocalDate.of(2033, 5, 2), LocalDate.of(2033, 5, 6))),
                clerk, Instant.parse("2033-03-02T00:00:00Z"));
        append("ExchangeAgreement", agreement, 0, new AgreementRecorded(new AgreementId(agreement), Province.of("Hebei"),
                AgreementClassification.GENERAL, YearMonth.of(2013, 5)), other, Instant.parse("2033-03-02T08:00:00Z"));
        String range = "from=2033-03-01&to=2033-03-02";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(body(get("auditor", "/api/audit-log?user=" + other + "&" + range))).hasSize(1));

        HttpResponse<String> response = get("auditor", "/api/audit-log?user=" + clerk + "&" + range);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode entries = body(response);
        assertThat(entries).hasSize(2);
        JsonNode proposed = entries.get(0);
        assertThat(proposed.get("user").asText()).isEqualTo(clerk);
        assertThat(proposed.get("action").asText()).isEqualTo("CourseProposed");
        assertThat(proposed.get("courseId").asText()).isEqualTo(course);
        assertThat(proposed.get("agreementId").isNull()).isTrue();
        assertThat(proposed.get("aggregateType").asText()).isEqualTo("Course");
        assertThat(proposed.get("sequence").asLong()).isZero();
        assertThat(proposed.get("timestamp").asText()).isEqualTo("2033-03-01T23:59:59Z");
        assertThat(proposed.get("correlationId").asText()).isEqualTo("corr-0");
        assertThat(proposed.get("eventId").asText()).isNotBlank();
        assertThat(entries.get(1).get("action").asText()).isEqualTo("CourseScheduled");
        assertThat(entries.get(1).get("timestamp").asText()).isEqualTo("2033-03-02T00:00:00Z");

        // the range is by UTC day, both ends inclusive
        assertThat(body(get("auditor", "/api/audit-log?user=" + clerk + "&from=2033-03-02&to=2033-03-02")).findValuesAsText("action"))
                .containsExactly("CourseScheduled");
        assertThat(body(get("admin", "/api/audit-log?user=" + clerk + "&from=2033-02-01&to=2033-03-01")).findValuesAsText("action"))
                .containsExactly("CourseProposed");
        assertThat(body(get("auditor", "/api/audit-log?user=" + clerk + "&from=2033-03-03&to=2034-03-02"))).isEmpty();
        // without a user: everybody's, oldest first
        JsonNode everybody = body(get("admin", "/api/audit-log?" + range));
        assertThat(everybody.findValuesAsText("user")).containsSubsequence(clerk, clerk, other);
        JsonNode agreementEntry = body(get("auditor", "/api/audit-log?user=" + other + "&" + range)).get(0);
        assertThat(agreementEntry.get("action").asText()).isEqualTo("AgreementRecorded");
        assertThat(agreementEntry.get("agreementId").asText()).isEqualTo(agreement);
        assertThat(agreementEntry.get("courseId").isNull()).isTrue();

        // who may read it: staff may do every read (docs/api.md)
        assertThat(get("staff", "/api/audit-log?" + range).statusCode()).isEqualTo(200);
        assertThat(get("viewer", "/api/audit-log?" + range).statusCode()).isEqualTo(403);
        assertThat(get(null, "/api/audit-log?" + range).statusCode()).isEqualTo(401);
        assertThat(get("viewer", "/api/audit-log?" + range).headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

        // a replay through the projection admin rebuilds the same answer
        String before = get("auditor", "/api/audit-log?user=" + clerk + "&" + range).body();
        assertThat(post("admin", "/api/admin/projections/audit-log/replay").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get("auditor", "/api/audit-log?user=" + clerk + "&" + range).body()).isEqualTo(before));
    }

    @Test
    void badDatesAndTooLongRangesAreRefused() throws Exception {
        assertBadRequest("from=2033-13-01&to=2033-12-31", "from");
        assertBadRequest("from=2033-01-01&to=yesterday", "to");
        assertBadRequest("from=2033-01-01T00:00:00Z&to=2033-01-02", "from");
        assertBadRequest("to=2033-01-02", "from");
        assertBadRequest("from=2033-01-02", "to");
        assertBadRequest("from=2033-01-02&to=2033-01-01", "from");
        assertBadRequest("user=staff&from=2033-01-01&to=2034-01-02", "to"); // 367 days
        assertThat(get("auditor", "/api/audit-log?user=staff&from=2033-01-01&to=2034-01-01").statusCode()).isEqualTo(200); // 366
    }
}
