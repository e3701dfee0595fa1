package kr.go.gg.training.query.course.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseProposed;
import kr.go.gg.training.api.course.CourseScheduled;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.query.QueryApplicationTest;
import org.junit.jupiter.api.Test;

/** A course's summary as server-sent events. */
class CourseStreamHttpTest extends QueryApplicationTest {

    @Test
    void theCourseStreamSendsTheSummaryOnConnectAndAfterEachChange() throws Exception {
        String id = newId();
        CourseId course = new CourseId(id);
        append("Course", id, 0, new CourseProposed(course, "Watched", Program.KOICA, Direction.INBOUND, "Chile", 8, 2052));
        await().atMost(Duration.ofSeconds(20)).until(() -> get("viewer", "/api/courses/" + id).statusCode() == 200);
        assertThat(get("viewer", "/api/courses/" + newId() + "/stream").statusCode()).isEqualTo(404);

        HttpResponse<Stream<String>> response = connect("/api/courses/" + id + "/stream");
        BlockingQueue<String> data = data(response);
        try {
            String first = data.poll(20, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(json.readTree(first).get("status").asText()).isEqualTo("PROPOSED");
            append("Course", id, 1, new CourseScheduled(course, new Period(LocalDate.of(2052, 2, 1), LocalDate.of(2052, 2, 8))));
            String update = data.poll(20, TimeUnit.SECONDS);
            assertThat(update).isNotNull();
            assertThat(json.readTree(update).get("status").asText()).isEqualTo("SCHEDULED");
            assertThat(json.readTree(update).get("startDate").asText()).isEqualTo("2052-02-01");
        } finally {
            response.body().close();
        }
    }
}
