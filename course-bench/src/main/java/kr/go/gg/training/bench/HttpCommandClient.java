package kr.go.gg.training.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

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

    /**
     * Sends one command; {@code serverCourseId} is null for the proposal.
     *
     * @return the course id the server answered to a proposal, else {@code serverCourseId}
     */
    public String send(Object command, String serverCourseId) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        String path;
        if (command instanceof ProposeCourse c) {
            path = "/api/courses";
            body.put("title", c.title());
            body.put("program", c.program().name());
            body.put("direction", c.direction().name());
            body.put("partner", c.partner());
            body.put("capacity", c.capacity());
            body.put("trainingYear", c.trainingYear());
        } else {
            String course = "/api/courses/" + serverCourseId;
            if (command instanceof RecordDemandSurvey c) {
                path = course + "/demand-survey";
                body.put("surveyedOn", c.surveyedOn().toString());
            } else if (command instanceof RecordCourseSelection c) {
                path = course + "/selection";
                body.put("selected", c.selected());
                body.put("decidedOn", c.decidedOn().toString());
            } else if (command instanceof PublishConsigneeInvitation c) {
                path = course + "/consignee-invitation";
                body.put("quarter", c.quarter());
                body.put("publishedOn", c.publishedOn().toString());
            } else if (command instanceof RecordConsigneeSelection c) {
                path = course + "/consignee-selection";
                body.put("awarded", c.awarded());
                body.put("decidedOn", c.decidedOn().toString());
            } else if (command instanceof ScheduleCourse c) {
                path = course + "/schedule";
                body.put("startDate", c.period().startDate().toString());
                body.put("endDate", c.period().endDate().toString());
            } else if (command instanceof EnrollTrainee c) {
                path = course + "/trainees";
                body.put("name", c.trainee().name());
                body.put("country", c.trainee().country());
                body.put("organization", c.trainee().organization());
                body.put("position", c.trainee().position());
                body.put("level", c.trainee().level() == null ? null : c.trainee().level().name());
            } else if (command instanceof StartCourse) {
                path = course + "/start";
            } else if (command instanceof CompleteCourse) {
                path = course + "/completion";
            } else {
                throw new IllegalArgumentException("no HTTP path for " + command.getClass());
            }
        }
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
        if (command instanceof ProposeCourse) {
            JsonNode answer = json.readTree(response.body());
            JsonNode id = answer == null ? null : answer.get("courseId");
            if (id == null || id.asText().isBlank()) {
                throw new IllegalStateException("POST /api/courses answered no courseId: "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return id.asText();
        }
        return serverCourseId;
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
