package kr.go.gg.training.command.platform.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import kr.go.gg.training.command.HttpTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentChangeHttpTest extends HttpTestSupport {

    /** Another writer (say, a second node) appends behind the cached aggregate's back: the append collides. */
    @Test
    void a_concurrent_change_is_a_conflict_and_stores_nothing() {
        String id = proposeKoica(3);
        jdbc.update("INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp,"
                        + " payloadType, payloadRevision, payload, metaData) VALUES (?, ?, 1, 'Course', ?, ?, '1', ?, ?)",
                UUID.randomUUID().toString(), id, Instant.now().toString(), "kr.go.gg.training.api.course.DemandSurveyRecorded",
                ("{\"courseId\":\"" + id + "\",\"surveyedOn\":\"2015-01-01\"}").getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        String key = UUID.randomUUID().toString();

        Answer answer = post(STAFF, "/api/courses/" + id + "/demand-survey", Map.of("surveyedOn", "2015-02-01"),
                Map.of("Idempotency-Key", key));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().get("title").asText()).isEqualTo("Concurrent change");
        assertThat(events(id)).isEqualTo(2);
        // the key was not stored with the refused attempt: a retry with it is executed, and is a step further
        Answer retried = post(STAFF, "/api/courses/" + id + "/demand-survey", Map.of("surveyedOn", "2015-02-01"),
                Map.of("Idempotency-Key", key));
        assertThat(retried.status()).isEqualTo(409);
        assertThat(retried.body().get("title").asText()).isEqualTo("Refused");
        // the cache dropped the stale aggregate: the next step sees the other writer's event
        Answer next = post("/api/courses/" + id + "/selection", Map.of("selected", true, "decidedOn", "2016-01-05"));
        assertThat(next.status()).isEqualTo(204);
        assertThat(next.header("X-Course-Version")).isEqualTo("2");
    }
}
