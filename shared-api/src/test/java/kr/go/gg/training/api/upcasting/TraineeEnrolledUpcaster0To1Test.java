package kr.go.gg.training.api.upcasting;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.api.enrollment.TraineeLevel;
import kr.go.gg.training.api.privacy.PersonalData;
import kr.go.gg.training.api.privacy.SealedPersonalData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored old form, exactly as the JDBC event store holds it (payload bytes, payload type and revision), fed
 * through the upcaster chain as Axon does when it reads the stream; the result must deserialise into the
 * current record. The pattern for the next upcaster's test.
 */
class TraineeEnrolledUpcaster0To1Test {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();
    private static final String TYPE = TraineeEnrolled.class.getName();

    private static final String REVISION_0_JSON = """
            {"courseId":"c-1","traineeId":"t-1",\
            "participant":{"name":"Ali","country":"Iraq","organization":"Ministry of Planning","position":"Director","rank":"HIGH_RANKING"},\
            "enrolled":3}""";

    private static IntermediateEventRepresentation stored(String revision, String json) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Course", "c-1", 2L, "event-1",
                Instant.parse("2015-03-01T09:00:00Z"), TYPE, revision, json.getBytes(StandardCharsets.UTF_8),
                "{\"user\":\"staff\"}".getBytes(StandardCharsets.UTF_8));
        return new InitialEventRepresentation(entry, SERIALIZER);
    }

    private static List<IntermediateEventRepresentation> upcast(IntermediateEventRepresentation representation) {
        return CourseEventUpcasters.chain().upcast(Stream.of(representation)).toList();
    }

    @Test
    void revision_0_renames_participant_and_rank() {
        com.fasterxml.jackson.databind.JsonNode revision1 = TraineeEnrolledUpcaster0To1.upcast(
                stored("0", REVISION_0_JSON).getData(com.fasterxml.jackson.databind.JsonNode.class).getData());
        assertThat(revision1.toString()).doesNotContain("participant").doesNotContain("rank")
                .startsWith("{\"courseId\":\"c-1\",\"traineeId\":\"t-1\",\"trainee\":{");
        assertThat(revision1.get("trainee").get("level").asText()).isEqualTo("HIGH_RANKING");
    }

    @Test
    void revision_0_becomes_the_current_trainee_enrolled() {
        List<IntermediateEventRepresentation> upcast = upcast(stored("0", REVISION_0_JSON));

        assertThat(upcast).hasSize(1);
        IntermediateEventRepresentation event = upcast.get(0);
        assertThat(event.getType().getName()).isEqualTo(TYPE);
        assertThat(event.getType().getRevision()).isEqualTo("2");
        // the envelope is untouched
        assertThat(event.getMessageIdentifier()).isEqualTo("event-1");
        assertThat(event.getSequenceNumber()).contains(2L);
        assertThat(event.getTimestamp()).isEqualTo(Instant.parse("2015-03-01T09:00:00Z"));

        SerializedObject<?> data = event.getData();
        TraineeEnrolled enrolled = SERIALIZER.deserialize(data);
        assertThat(enrolled).isEqualTo(new TraineeEnrolled(new CourseId("c-1"), new TraineeId("t-1"), "Iraq",
                TraineeLevel.HIGH_RANKING, null, new PersonalData("Ali", "Ministry of Planning", "Director"), 3));
    }

    @Test
    void a_revision_0_participant_without_rank_keeps_no_level() {
        String json = REVISION_0_JSON.replace(",\"rank\":\"HIGH_RANKING\"", "");
        TraineeEnrolled enrolled = SERIALIZER.deserialize(upcast(stored("0", json)).get(0).getData());
        assertThat(enrolled.unencrypted().name()).isEqualTo("Ali");
        assertThat(enrolled.level()).isNull();
    }

    @Test
    void the_current_revision_and_other_events_pass_unchanged() {
        TraineeEnrolled current = new TraineeEnrolled(new CourseId("c-1"), new TraineeId("t-1"), "Iraq",
                TraineeLevel.MID_LEVEL, new SealedPersonalData("bm9uY2U=", "c2VhbGVk"), null, 1);
        String currentJson = new String(SERIALIZER.serialize(current, byte[].class).getData(), StandardCharsets.UTF_8);
        assertThat(SERIALIZER.serialize(current, byte[].class).getType().getRevision()).isEqualTo("2");

        IntermediateEventRepresentation passed = upcast(stored("2", currentJson)).get(0);
        assertThat(passed.getType().getRevision()).isEqualTo("2");
        assertThat((TraineeEnrolled) SERIALIZER.deserialize(passed.getData())).isEqualTo(current);

        GenericDomainEventEntry<byte[]> other = new GenericDomainEventEntry<>("Course", "c-1", 0L, "event-0",
                Instant.now(), "kr.go.gg.training.api.course.CourseStarted", "0", "{\"participant\":1}".getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        IntermediateEventRepresentation untouched = upcast(new InitialEventRepresentation(other, SERIALIZER)).get(0);
        assertThat(untouched.getType().getRevision()).isEqualTo("0");
        assertThat(new String(untouched.getData(byte[].class).getData(), StandardCharsets.UTF_8)).isEqualTo("{\"participant\":1}");
    }

    @Test
    void without_the_upcaster_the_old_form_would_lose_the_trainee() {
        IntermediateEventRepresentation raw = stored("0", REVISION_0_JSON);
        var lenient = JacksonSerializer.builder().build();
        lenient.getObjectMapper().configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        TraineeEnrolled lost = lenient.deserialize(raw.getData());
        assertThat(lost.unencrypted()).isNull();
        assertThat(lost.country()).isNull();
    }
}
