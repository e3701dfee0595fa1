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
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A stored revision-1 enrolment (plain personal fields) reads as revision 2 with those fields unencrypted. */
class TraineeEnrolledUpcaster1To2Test {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();

    private static final String REVISION_1_JSON = """
            {"courseId":"c-1","traineeId":"t-1",\
            "trainee":{"name":"Ali","country":"Iraq","organization":"Ministry of Planning","position":"Director","level":"MID_LEVEL"},\
            "enrolled":3}""";

    private static List<IntermediateEventRepresentation> upcast(String json) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Course", "c-1", 2L, "event-1",
                Instant.parse("2015-03-01T09:00:00Z"), TraineeEnrolled.class.getName(), "1",
                json.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        return CourseEventUpcasters.chain().upcast(Stream.of(new InitialEventRepresentation(entry, SERIALIZER))).toList();
    }

    @Test
    void revision_1_keeps_its_plain_fields_as_unencrypted_in_revision_2() {
        IntermediateEventRepresentation event = upcast(REVISION_1_JSON).get(0);

        assertThat(event.getType().getRevision()).isEqualTo("2");
        assertThat(event.getMessageIdentifier()).isEqualTo("event-1");
        TraineeEnrolled enrolled = SERIALIZER.deserialize(event.getData());
        assertThat(enrolled).isEqualTo(new TraineeEnrolled(new CourseId("c-1"), new TraineeId("t-1"), "Iraq",
                TraineeLevel.MID_LEVEL, null, new PersonalData("Ali", "Ministry of Planning", "Director"), 3));
    }

    @Test
    void an_old_plain_enrolment_shows_its_fields_until_the_trainee_is_erased() {
        TraineeEnrolled enrolled = SERIALIZER.deserialize(upcast(REVISION_1_JSON).get(0).getData());

        assertThat(enrolled.personalData(null, false)).contains(new PersonalData("Ali", "Ministry of Planning", "Director"));
        assertThat(enrolled.personalData(null, true)).isEmpty();
    }
}
