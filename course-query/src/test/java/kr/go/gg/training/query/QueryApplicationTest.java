package kr.go.gg.training.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseProposed;
import kr.go.gg.training.api.course.CourseScheduled;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The query side as it runs alone: H2 event file in a temporary folder (its tables created by this module),
 * the MongoDB wire server in memory, real HTTP. Every HTTP test class extends this one so they share one
 * Spring context; they use fresh ids and years so they do not see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "course.mongo.persistent=false",
        "course.query.batch-size=100",
        "course.query.min-version-wait=2s",
        "course.security.users.staff.password={noop}staff-secret",
        "course.security.users.staff.role=STAFF",
        "course.security.users.auditor.password={noop}auditor-secret",
        "course.security.users.auditor.role=AUDITOR",
        "course.security.users.viewer.password={noop}viewer-secret",
        "course.security.users.viewer.role=VIEWER",
        "course.security.users.admin.password={noop}admin-secret",
        "course.security.users.admin.role=ADMIN"})
public abstract class QueryApplicationTest {

    private static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("course-query-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("course.data-dir", DATA_DIR::toString);
    }

    protected final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @Autowired
    protected EventStore eventStore;

    protected static String newId() {
        return UUID.randomUUID().toString();
    }

    /** An event of a course that no projection follows: a version written but never applied to the summary. */
    public record NotFollowed(String note) {
    }

    /** Appends one event to the real event store, as the command side would. */
    protected void append(String type, String aggregateId, long sequence, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, Map.of()));
    }

    protected HttpRequest.Builder request(String user, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (user != null) {
            builder.header("Authorization", basic(user));
        }
        return builder;
    }

    /** The {@code Authorization} header of one of the test users. */
    protected static String basic(String user) {
        String credentials = user + ":" + user + "-secret";
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    protected HttpResponse<String> get(String user, String path) {
        try {
            return http.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected final ObjectMapper json = new ObjectMapper();

    protected JsonNode body(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body());
    }

    protected void assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(body(response).get("status").asInt()).isEqualTo(status);
        assertThat(body(response).has("title")).isTrue();
    }

    protected String proposeScheduledCourse(int year, Program program) {
        String id = newId();
        CourseId courseId = new CourseId(id);
        append("Course", id, 0, new CourseProposed(courseId, "Smart city", program, Direction.INBOUND, "Peru", 20, null));
        append("Course", id, 1, new CourseScheduled(courseId, new Period(LocalDate.of(year, 5, 4), LocalDate.of(year, 5, 15))));
        return id;
    }

    /** A scheduled KOICA course of {@code year}, once its detail answers 200. */
    protected String shownCourse(int year) {
        String id = proposeScheduledCourse(year, Program.KOICA);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                org.assertj.core.api.Assertions.assertThat(get("viewer", "/api/courses/" + id).statusCode()).isEqualTo(200));
        return id;
    }

    protected HttpResponse<Stream<String>> connect(String path) throws Exception {
        return http.send(request("viewer", path).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
    }

    /** The data lines of the stream, read in the background. */
    protected static BlockingQueue<String> data(HttpResponse<Stream<String>> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        BlockingQueue<String> data = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try {
                response.body().filter(line -> line.startsWith("data:"))
                        .forEach(line -> data.add(line.substring("data:".length())));
            } catch (java.io.UncheckedIOException closedByTheTest) {
                // the finally block below closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        return data;
    }
}
