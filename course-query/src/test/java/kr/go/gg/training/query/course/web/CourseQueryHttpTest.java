package kr.go.gg.training.query.course.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseProposed;
import kr.go.gg.training.api.course.CourseScheduled;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.query.QueryApplicationTest;
import org.junit.jupiter.api.Test;

/** The course paths over real HTTP: listing, one course, read-your-writes. */
class CourseQueryHttpTest extends QueryApplicationTest {

    @Test
    void coursesAreListedByYearProgramAndStatusAndFoundById() throws Exception {
        String id = proposeScheduledCourse(2041, Program.KOICA);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(get("viewer", "/api/courses/" + id).statusCode()).isEqualTo(200));

        JsonNode course = body(get("viewer", "/api/courses/" + id));
        assertThat(course.get("courseId").asText()).isEqualTo(id);
        assertThat(course.get("title").asText()).isEqualTo("Smart city");
        assertThat(course.get("program").asText()).isEqualTo("KOICA");
        assertThat(course.get("direction").asText()).isEqualTo("INBOUND");
        assertThat(course.get("partner").asText()).isEqualTo("Peru");
        assertThat(course.get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(course.get("capacity").asInt()).isEqualTo(20);
        assertThat(course.get("enrolled").asInt()).isZero();
        assertThat(course.get("startDate").asText()).isEqualTo("2041-05-04");
        assertThat(course.get("endDate").asText()).isEqualTo("2041-05-15");

        JsonNode byYear = body(get("staff", "/api/courses?year=2041&program=KOICA&status=SCHEDULED"));
        assertThat(byYear).hasSize(1);
        assertThat(course.get("sessions")).isEmpty(); // one course shows its curriculum, the lists leave it out
        assertThat(course.get("costs")).as("one course answers its costs, none yet").isEmpty();
        assertThat(byYear.get(0)).isEqualTo(((com.fasterxml.jackson.databind.node.ObjectNode) course.deepCopy())
                .without(java.util.List.of("sessions", "costs")));
        assertThat(body(get("staff", "/api/courses?year=2041&status=COMPLETED"))).isEmpty();
        assertThat(body(get("auditor", "/api/courses?status=SCHEDULED")).findValuesAsText("courseId")).contains(id);

        assertProblem(get("viewer", "/api/courses?year=twenty"), 400);
        assertThat(body(get("viewer", "/api/courses?year=twenty")).get("errors").get(0).get("field").asText()).isEqualTo("year");
        // in words, not the parameter's class (it said "must be a valid Integer")
        assertThat(body(get("viewer", "/api/courses?year=twenty")).get("detail").asText()).isEqualTo("year must be a whole number");
        assertProblem(get("viewer", "/api/courses?year=1850"), 400);
        assertProblem(get("viewer", "/api/courses?status=FINISHED"), 400);
        assertProblem(get("viewer", "/api/courses?program=ERASMUS"), 400);
        assertProblem(get("viewer", "/api/courses/" + newId()), 404);
        assertProblem(get(null, "/api/courses"), 401);
    }

    @Test
    void minVersionWaitsForTheReadModelToCatchUp() throws Exception {
        String id = newId();
        CourseId courseId = new CourseId(id);
        append("Course", id, 0, new CourseProposed(courseId, "Later", Program.CHINA_EXCHANGE, Direction.INBOUND, "Hebei", 9, 2042));
        append("Course", id, 1, new CourseScheduled(courseId, new Period(LocalDate.of(2042, 3, 2), LocalDate.of(2042, 3, 6))));
        // asked at once, before the read model has applied version 1 (it polls the event store)
        HttpResponse<String> response = get("viewer", "/api/courses/" + id + "?minVersion=1");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Course-Version")).hasValue("1");
        assertThat(body(response).get("status").asText()).isEqualTo("SCHEDULED");

        // written but never applied to the summary (an event it does not follow): 503 after the wait (2 s here)
        append("Course", id, 2, new NotFollowed("an event type the course summary has no handler for"));
        HttpResponse<String> behind = get("viewer", "/api/courses/" + id + "?minVersion=2");
        assertProblem(behind, 503);
        assertThat(behind.headers().firstValue("Retry-After")).isPresent();
    }

    /** A version never written cannot be waited for: 4xx at once, never a held request (issue 14, point 2). */
    @Test
    void minVersionRefusesAtOnceWhatCanNeverBeWaitedFor() throws Exception {
        String id = proposeScheduledCourse(2043, Program.KOICA);
        await().atMost(Duration.ofSeconds(20)).until(() -> get("viewer", "/api/courses/" + id).statusCode() == 200);
        HttpResponse<String> ahead = get("viewer", "/api/courses/" + id + "?minVersion=999999999");
        assertProblem(ahead, 409);
        assertThat(body(ahead).get("detail").asText()).contains("latest is 1");
        assertProblem(get("viewer", "/api/courses/" + id + "?minVersion=2"), 409);
        assertProblem(get("viewer", "/api/courses/" + id + "?minVersion=-1"), 400);
        assertProblem(get("viewer", "/api/courses/" + id + "?minVersion=x"), 400);
        assertProblem(get("viewer", "/api/courses/" + newId() + "?minVersion=0"), 404);
        assertThat(get("viewer", "/api/courses/" + id + "?minVersion=1").statusCode()).isEqualTo(200);
    }
}
