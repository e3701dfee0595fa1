package kr.go.gg.training.query.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseProposed;
import kr.go.gg.training.api.course.CourseScheduled;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.query.QueryApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A TraineeEnrolled stored in its old form (revision "0": {@code participant}, {@code rank}) reaches the roster
 * read model in its current form: the tracking processors read through the registered upcaster chain.
 */
class UpcastedEventProjectionTest extends QueryApplicationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void anOldRevisionIsProjectedInItsCurrentForm() throws Exception {
        String id = newId();
        CourseId courseId = new CourseId(id);
        append("Course", id, 0, new CourseProposed(courseId, "Water policy", Program.KOICA, Direction.INBOUND, "Peru", 20, null));
        append("Course", id, 1, new CourseScheduled(courseId, new Period(LocalDate.of(2047, 5, 4), LocalDate.of(2047, 5, 15))));
        String revision0 = """
                {"courseId":"%s","traineeId":"t-old","participant":{"name":"Rosa Diaz","country":"Peru",\
                "organization":"Lima City","position":"Planner","rank":"HIGH_RANKING"},"enrolled":1}""".formatted(id);
        jdbc.update("INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp,"
                        + " payloadType, payloadRevision, payload, metaData) VALUES (?, ?, 2, 'Course', ?, ?, '0', ?, ?)",
                UUID.randomUUID().toString(), id, Instant.now().toString(), TraineeEnrolled.class.getName(),
                revision0.getBytes(StandardCharsets.UTF_8), "{\"user\":\"legacy\"}".getBytes(StandardCharsets.UTF_8));

        ObjectMapper json = new ObjectMapper();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(json.readTree(get("staff", "/api/courses/" + id + "/trainees").body())).hasSize(1));
        JsonNode trainee = json.readTree(get("staff", "/api/courses/" + id + "/trainees").body()).get(0);
        assertThat(trainee.get("traineeId").asText()).isEqualTo("t-old");
        assertThat(trainee.get("name").asText()).isEqualTo("Rosa Diaz");
        assertThat(trainee.get("level").asText()).isEqualTo("HIGH_RANKING");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(json.readTree(get("viewer", "/api/courses/" + id).body()).get("enrolled").asInt()).isEqualTo(1));
    }
}
