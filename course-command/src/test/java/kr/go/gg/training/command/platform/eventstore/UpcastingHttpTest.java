package kr.go.gg.training.command.platform.eventstore;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseProposed;
import kr.go.gg.training.api.course.CourseScheduled;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.command.HttpTestSupport;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event stored in its old form (TraineeEnrolled revision "0": {@code participant}, {@code rank}) written straight
 * into DomainEventEntry, as an old release left it; the aggregate, the history and the state paths read it in its
 * current form through the registered upcaster.
 */
class UpcastingHttpTest extends HttpTestSupport {

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;

    private final Instant start = Instant.now().minus(1, ChronoUnit.DAYS);

    private void store(String courseId, long sequence, String payloadType, String revision, byte[] payload) {
        jdbc.update("INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp,"
                        + " payloadType, payloadRevision, payload, metaData) VALUES (?, ?, ?, 'Course', ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), courseId, sequence, start.plusSeconds(sequence).toString(), payloadType, revision,
                payload, "{\"user\":\"legacy\"}".getBytes(StandardCharsets.UTF_8));
    }

    private void store(String courseId, long sequence, Object currentEvent) {
        SerializedObject<byte[]> serialized = eventSerializer.serialize(currentEvent, byte[].class);
        store(courseId, sequence, serialized.getType().getName(), serialized.getType().getRevision(), serialized.getData());
    }

    /** A scheduled course whose one enrolment is stored in revision 0; returns its id. */
    private String courseWithAnOldEnrolment(String traineeId) {
        CourseId course = CourseId.random();
        store(course.value(), 0, new CourseProposed(course, "Water policy", Program.CHINA_EXCHANGE, Direction.INBOUND,
                "Shandong Province", 10, null));
        store(course.value(), 1, new CourseScheduled(course, new Period(LocalDate.of(2031, 5, 1), LocalDate.of(2031, 5, 10))));
        String revision0 = """
                {"courseId":"%s","traineeId":"%s","participant":{"name":"Li Wei","country":"China",\
                "organization":"Shandong Water Bureau","position":"Engineer","rank":"MID_LEVEL"},"enrolled":1}"""
                .formatted(course.value(), traineeId);
        store(course.value(), 2, TraineeEnrolled.class.getName(), "0", revision0.getBytes(StandardCharsets.UTF_8));
        return course.value();
    }

    @Test
    void the_history_shows_an_old_revision_in_its_current_form() {
        String id = courseWithAnOldEnrolment("t-old-1");

        Answer history = get(AUDITOR, "/api/courses/" + id + "/history");
        assertThat(history.status()).isEqualTo(200);
        JsonNode enrolled = history.body().get(2);
        assertThat(enrolled.get("type").asText()).isEqualTo("TraineeEnrolled");
        assertThat(enrolled.get("payload").has("participant")).isFalse();
        assertThat(enrolled.get("payload").get("traineeId").asText()).isEqualTo("t-old-1");
        assertThat(enrolled.get("payload").get("trainee").get("name").asText()).isEqualTo("Li Wei");
        assertThat(enrolled.get("payload").get("trainee").get("level").asText()).isEqualTo("MID_LEVEL");
        assertThat(enrolled.get("metadata").get("user").asText()).isEqualTo("legacy");
        // the stored row itself is never rewritten
        assertThat(jdbc.queryForObject("SELECT payloadRevision FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 2",
                String.class, id)).isEqualTo("0");

        Answer state = get(AUDITOR, "/api/courses/" + id + "/state");
        assertThat(state.body().get("version").asLong()).isEqualTo(2);
        assertThat(state.body().get("course").get("enrolled").asInt()).isEqualTo(1);
    }

    @Test
    void the_aggregate_loads_an_old_revision_and_knows_the_trainee() {
        String id = courseWithAnOldEnrolment("t-old-2");

        // the same person again: refused, so the aggregate's roster holds the upcast trainee's identity
        Answer twice = post("/api/courses/" + id + "/trainees", Map.of("name", "Li Wei", "country", "China",
                "organization", "Shandong Water Bureau", "position", "Engineer"));
        assertThat(twice.status()).as(twice.raw().body()).isEqualTo(409);

        Answer withdrawn = post("/api/courses/" + id + "/trainees/t-old-2/withdrawal", Map.of("reason", "visa refused"));
        assertThat(withdrawn.status()).as(withdrawn.raw().body()).isEqualTo(204);
        JsonNode history = get(AUDITOR, "/api/courses/" + id + "/history").body();
        assertThat(history.get(3).get("type").asText()).isEqualTo("TraineeWithdrawn");
        assertThat(history.get(3).get("payload").get("enrolled").asInt()).isZero();
    }
}
