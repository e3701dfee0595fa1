package kr.go.gg.training.query.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
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
import org.springframework.test.context.TestPropertySource;

/**
 * Requests that wait (read-your-writes) or stay open (event streams) hold no worker thread and are bounded in number
 * per node (issue 14, points 2 and 5). Fewer worker threads than waits here, so a held thread would show as a plain
 * GET that is not answered; long waits, so nothing ends by itself during the test.
 */
@TestPropertySource(properties = {"server.tomcat.threads.max=8", "course.query.min-version-wait=30s",
        "course.query.max-version-waits=12", "course.query.max-streams=30"})
class BoundedWaitsHttpTest extends QueryApplicationTest {

    private static final Duration PROMPT = Duration.ofSeconds(5);

    @Test
    void readYourWritesWaitsHoldNoThreadAndTheOnesAboveTheBoundAre503AtOnce() throws Exception {
        String id = newId();
        CourseId course = new CourseId(id);
        append("Course", id, 0, new CourseProposed(course, "Waited for", Program.KOICA, Direction.INBOUND, "Peru", 5, 2061));
        append("Course", id, 1, new NotFollowed("the summary stays at version 0"));
        await().atMost(Duration.ofSeconds(20)).until(() -> get("viewer", "/api/courses/" + id).statusCode() == 200);

        List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            waiting.add(http.sendAsync(request("viewer", "/api/courses/" + id + "?minVersion=1").GET().build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        TimeUnit.SECONDS.sleep(1); // all twelve have arrived and wait
        assertThat(waiting).noneMatch(CompletableFuture::isDone);

        HttpResponse<String> refused = http.send(request("viewer", "/api/courses/" + id + "?minVersion=1")
                .timeout(PROMPT).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(refused, 503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(body(refused).get("detail").asText()).contains("Too many");
        assertPlainGetAnswers(id);

        append("Course", id, 2, new CourseScheduled(course, new Period(LocalDate.of(2061, 4, 1), LocalDate.of(2061, 4, 9))));
        for (CompletableFuture<HttpResponse<String>> answer : waiting) {
            HttpResponse<String> response = answer.get(20, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Course-Version")).hasValue("2");
        }
    }

    @Test
    void eachStreamGetsItsFirstEventHoldsNoThreadAndTheOnesAboveTheBoundAre503() throws Exception {
        String id = proposeScheduledCourse(2062, Program.CHINA_EXCHANGE);
        await().atMost(Duration.ofSeconds(20)).until(() -> get("viewer", "/api/courses/" + id).statusCode() == 200);

        List<CompletableFuture<HttpResponse<Stream<String>>>> connecting = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            connecting.add(http.sendAsync(request("viewer", "/api/courses/" + id + "/stream")
                    .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines()));
        }
        List<HttpResponse<Stream<String>>> open = new ArrayList<>();
        try {
            for (CompletableFuture<HttpResponse<Stream<String>>> connection : connecting) {
                HttpResponse<Stream<String>> response = connection.get(20, TimeUnit.SECONDS);
                open.add(response);
                BlockingQueue<String> data = data(response);
                String first = data.poll(20, TimeUnit.SECONDS);
                assertThat(first).as("the first event of every stream").isNotNull();
                assertThat(json.readTree(first).get("courseId").asText()).isEqualTo(id);
            }
            HttpResponse<String> refused = http.send(request("viewer", "/api/courses/" + id + "/stream")
                    .timeout(PROMPT).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertProblem(refused, 503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertPlainGetAnswers(id);
        } finally {
            open.forEach(response -> response.body().close());
        }
    }

    private void assertPlainGetAnswers(String id) throws Exception {
        HttpResponse<String> plain = http.send(request("viewer", "/api/courses/" + id).timeout(PROMPT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(200);
    }
}
