package kr.go.gg.training.query.enrollment.web;

import static org.assertj.core.api.Assertions.assertThat;
import kr.go.gg.training.query.TestEnrolments;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.enrollment.Trainee;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.api.enrollment.TraineeLevel;
import kr.go.gg.training.query.QueryApplicationTest;
import org.junit.jupiter.api.Test;

/** A course's trainees over real HTTP. */
class RosterHttpTest extends QueryApplicationTest {

    @Test
    void rostersArePersonalDataNotForViewers() throws Exception {
        String id = proposeScheduledCourse(2043, Program.KOICA);
        append("Course", id, 2, TestEnrolments.plain(new CourseId(id), new TraineeId("t-1"),
                new Trainee("Ana Ruiz", "Peru", "Ministry of Economy", "Director", TraineeLevel.HIGH_RANKING), 1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(body(get("staff", "/api/courses/" + id + "/trainees"))).hasSize(1));

        JsonNode trainee = body(get("auditor", "/api/courses/" + id + "/trainees")).get(0);
        assertThat(trainee.get("traineeId").asText()).isEqualTo("t-1");
        assertThat(trainee.get("name").asText()).isEqualTo("Ana Ruiz");
        assertThat(trainee.get("country").asText()).isEqualTo("Peru");
        assertThat(trainee.get("organization").asText()).isEqualTo("Ministry of Economy");
        assertThat(trainee.get("position").asText()).isEqualTo("Director");
        assertThat(trainee.get("level").asText()).isEqualTo("HIGH_RANKING");
        assertThat(trainee.get("status").asText()).isEqualTo("ENROLLED");
        assertThat(get("admin", "/api/courses/" + id + "/trainees").statusCode()).isEqualTo(200);

        assertProblem(get("viewer", "/api/courses/" + id + "/trainees"), 403);
        assertProblem(get(null, "/api/courses/" + id + "/trainees"), 401);
        assertProblem(get("staff", "/api/courses/" + newId() + "/trainees"), 404);
    }
}
