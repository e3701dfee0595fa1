package kr.go.gg.training.bench.workload;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kr.go.gg.training.api.course.CompleteCourse;
import kr.go.gg.training.api.course.ProposeCourse;
import kr.go.gg.training.api.course.PublishConsigneeInvitation;
import kr.go.gg.training.api.course.RecordConsigneeSelection;
import kr.go.gg.training.api.course.RecordCourseSelection;
import kr.go.gg.training.api.course.RecordDemandSurvey;
import kr.go.gg.training.api.course.ScheduleCourse;
import kr.go.gg.training.api.course.StartCourse;
import kr.go.gg.training.api.enrollment.EnrollTrainee;
import kr.go.gg.training.api.enrollment.Trainee;

/**
 * Sends the commands of {@link CoursePlan} over the HTTP contract (docs/api.md) with a real HTTP client and Basic auth,
 * as a dashboard's back office would. The course id is the one the server answers to the proposal.
 */
public final class HttpCommandClient {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;
    private final String authorization;

    public HttpCommandClient(int port, String user, String password) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Where one kind of command is posted below its course ({@code /api/courses/{id}}) and its body's fields. */
    private record Route<C>(Class<C> type, String below, BiConsumer<Map<String, Object>, C> fields) {

        Map<String, Object> body(Object command) {
            Map<String, Object> body = new LinkedHashMap<>();
            fields.accept(body, type.cast(command));
            return body;
        }
    }

    /** Every command of {@link CoursePlan}, by class, as docs/api.md takes it. */
    private static final Map<Class<?>, Route<?>> ROUTES = Stream.of(
            new Route<>(ProposeCourse.class, null, (body, c) -> {
                body.put("title", c.title());
                body.put("program", c.program().name());
                body.put("direction", c.direction().name());
                body.put("partner", c.partner());
                body.put("capacity", c.capacity());
                body.put("trainingYear", c.trainingYear());
            }),
            new Route<>(RecordDemandSurvey.class, "/demand-survey",
                    (body, c) -> body.put("surveyedOn", c.surveyedOn().toString())),
            new Route<>(RecordCourseSelection.class, "/selection",
                    (body, c) -> decision(body, "selected", c.selected(), c.decidedOn())),
            new Route<>(PublishConsigneeInvitation.class, "/consignee-invitation", (body, c) -> {
                body.put("quarter", c.quarter());
                body.put("publishedOn", c.publishedOn().toString());
            }),
            new Route<>(RecordConsigneeSelection.class, "/consignee-selection",
                    (body, c) -> decision(body, "awarded", c.awarded(), c.decidedOn())),
            new Route<>(ScheduleCourse.class, "/schedule", (body, c) -> {
                body.put("startDate", c.period().startDate().toString());
                body.put("endDate", c.period().endDate().toString());
            }),
            new Route<>(EnrollTrainee.class, "/trainees", (body, c) -> trainee(body, c.trainee())),
            new Route<>(StartCourse.class, "/start", (body, c) -> { }),
            new Route<>(CompleteCourse.class, "/completion", (body, c) -> { }))
            .collect(Collectors.toUnmodifiableMap(Route::type, route -> route));

    private static void decision(Map<String, Object> body, String outcome, boolean yes, LocalDate decidedOn) {
        body.put(outcome, yes);
        body.put("decidedOn", decidedOn.toString());
    }

    private static void trainee(Map<String, Object> body, Trainee trainee) {
        body.put("name", trainee.name());
        body.put("country", trainee.country());
        body.put("organization", trainee.organization());
        body.put("position", trainee.position());
        body.put("level", trainee.level() == null ? null : trainee.level().name());
    }

    /**
     * Sends one command; {@code serverCourseId} is null for the proposal.
     *
     * @return the course id the server answered to a proposal, else {@code serverCourseId}
     */
    public String send(Object command, String serverCourseId) throws IOException, InterruptedException {
        Route<?> route = ROUTES.get(command.getClass());
        if (route == null) {
            throw new IllegalArgumentException("no HTTP path for " + command.getClass());
        }
        String path = route.below() == null ? "/api/courses" : "/api/courses/" + serverCourseId + route.below();
        HttpResponse<byte[]> response = post(path, route.body(command));
        return command instanceof ProposeCourse ? courseIdOf(response) : serverCourseId;
    }

    private HttpResponse<byte[]> post(String path, Map<String, Object> body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new IllegalStateException("POST " + path + " answered " + status + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response;
    }

    private String courseIdOf(HttpResponse<byte[]> response) throws IOException {
        JsonNode answer = json.readTree(response.body());
        JsonNode id = answer == null ? null : answer.get("courseId");
        if (id == null || id.asText().isBlank()) {
            throw new IllegalStateException("POST /api/courses answered no courseId: "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return id.asText();
    }

    /** GET with the same credentials; returns the status code (for readiness checks). */
    public int get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .GET()
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
