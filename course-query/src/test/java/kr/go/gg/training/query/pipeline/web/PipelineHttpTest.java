package kr.go.gg.training.query.pipeline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseProposed;
import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.query.QueryApplicationTest;
import org.junit.jupiter.api.Test;

/** The KOICA pipeline over real HTTP. */
class PipelineHttpTest extends QueryApplicationTest {

    @Test
    void thePipelineNeedsAYearAndListsEveryStage() throws Exception {
        String id = newId();
        append("Course", id, 0, new CourseProposed(new CourseId(id), "Water", Program.KOICA, Direction.INBOUND, "Laos", 12, 2046));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(body(get("viewer", "/api/pipeline?year=2046")).get("stages").get("PROPOSED")).hasSize(1));
        JsonNode stages = body(get("viewer", "/api/pipeline?year=2046")).get("stages");
        for (CourseStatus status : CourseStatus.values()) {
            assertThat(stages.has(status.name())).as(status.name()).isTrue();
        }
        assertThat(stages.get("PROPOSED").get(0).get("courseId").asText()).isEqualTo(id);
        assertProblem(get("viewer", "/api/pipeline"), 400);
        assertThat(body(get("viewer", "/api/pipeline")).get("errors").get(0).get("field").asText()).isEqualTo("year");
        assertProblem(get("viewer", "/api/pipeline?year=x"), 400);
    }
}
