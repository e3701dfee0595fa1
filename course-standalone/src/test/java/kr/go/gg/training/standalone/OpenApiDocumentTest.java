package kr.go.gg.training.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The standalone's OpenAPI document (every path) as a client and Swagger UI read it. Each test also writes it to
 * {@code target/openapi/standalone.json}, which {@code .ci/run} lints with {@code @redocly/cli}'s recommended rules.
 */
class OpenApiDocumentTest extends StandaloneTestBase {

    static final Path WRITTEN = Path.of("target", "openapi");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> WORKFLOW = List.of("Agreements", "Course proposal and selection", "Schedule",
            "Enrolment", "Start, completion, cancellation", "Costs and commission", "Imports", "Courses", "Reports", "KOICA pipeline",
            "Audit and history", "Personal data", "Operations");

    private JsonNode document;

    @BeforeEach
    void readDocument() throws IOException {
        HttpApi.Answer answer = api.get(null, "/v3/api-docs");
        assertThat(answer.status()).as("the document needs no credentials").isEqualTo(200);
        document = answer.json();
        Files.createDirectories(WRITTEN);
        Files.writeString(WRITTEN.resolve("standalone.json"), answer.body());
    }

    @Test
    void swagger_ui_can_sign_in_with_http_basic_on_every_operation() {
        JsonNode basic = document.at("/components/securitySchemes/basic");
        assertThat(basic.path("type").asText()).isEqualTo("http");
        assertThat(basic.path("scheme").asText()).isEqualTo("basic");
        assertThat(document.at("/security/0").has("basic")).isTrue();
        assertThat(api.get(null, "/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void every_operation_has_a_summary_and_a_named_tag_in_the_workflows_order() {
        List<String> tags = new ArrayList<>();
        document.path("tags").forEach(tag -> tags.add(tag.path("name").asText()));
        assertThat(tags).containsExactlyElementsOf(WORKFLOW);
        operations().forEach((where, operation) -> {
            assertThat(operation.path("summary").asText()).as(where).isNotBlank();
            assertThat(operation.path("tags")).as(where).hasSize(1);
            assertThat(operation.path("tags").get(0).asText()).as(where).isIn(WORKFLOW);
        });
        // a path's operations share one entry (GET and POST /api/courses): each path is placed by its earliest tag
        List<Integer> pathPlaces = new ArrayList<>();
        document.path("paths").forEach(item -> pathPlaces.add(java.util.stream.StreamSupport.stream(item.spliterator(), false)
                .mapToInt(operation -> WORKFLOW.indexOf(operation.path("tags").get(0).asText())).min().orElseThrow()));
        assertThat(pathPlaces).as("paths in the tags' order").isSorted();
    }

    @Test
    void every_error_is_a_problem_with_the_field_list_and_every_operation_names_its_real_statuses() {
        JsonNode problem = document.at("/components/schemas/Problem/properties");
        assertThat(problem.fieldNames()).toIterable().contains("type", "title", "status", "detail", "instance", "errors");
        assertThat(document.at("/components/schemas/FieldError/properties").has("field")).isTrue();
        operations().forEach((where, operation) -> operation.path("responses").fields().forEachRemaining(response -> {
            String code = response.getKey();
            JsonNode content = response.getValue().path("content");
            if (code.startsWith("4") || code.startsWith("5")) {
                assertThat(content.fieldNames()).toIterable().as(where + " " + code).containsExactly("application/problem+json");
                assertThat(content.at("/application~1problem+json/schema/$ref").asText())
                        .isEqualTo("#/components/schemas/Problem");
            }
            if (code.equals("204")) {
                assertThat(content.isMissingNode()).as(where + " 204 has no body").isTrue();
            }
        }));
        assertThat(statuses("post", "/api/courses")).containsExactly("201", "400", "401", "403", "409", "413", "415",
                "429", "503");
        assertThat(statuses("post", "/api/courses/{id}/schedule")).contains("204", "404", "409").doesNotContain("200");
        assertThat(statuses("post", "/api/agreements")).contains("200", "201");
        assertThat(statuses("get", "/api/courses")).doesNotContain("403").contains("200", "401", "503");
        assertThat(statuses("get", "/api/courses/{id}/trainees")).contains("403", "404");
        assertThat(statuses("post", "/api/admin/projections/{name}/replay")).contains("202", "403", "404", "503");
    }

    @Test
    void command_answers_are_typed_and_carry_their_headers() {
        assertThat(document.at("/paths/~1api~1courses/post/responses/201/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/CourseProposed");
        assertThat(document.at("/components/schemas/CourseProposed/properties").has("courseId")).isTrue();
        assertThat(document.at("/paths/~1api~1imports~1historical-courses/post/responses/200/content/application~1json"
                + "/schema/$ref").asText()).isEqualTo("#/components/schemas/Imported");
        operations().forEach((where, operation) -> {
            if (where.startsWith("post /api/") && !where.startsWith("post /api/admin/")) {
                assertThat(operation.path("parameters").findValuesAsText("name")).as(where).contains("Idempotency-Key");
            }
            if (where.startsWith("post /api/courses")) {
                JsonNode success = operation.path("responses").path(where.endsWith("/api/courses")
                        || where.endsWith("/trainees") || where.endsWith("/sessions") || where.endsWith("/costs")
                        ? "201" : "204");
                assertThat(success.path("headers").has("X-Course-Version")).as(where).isTrue();
            }
        });
        JsonNode minVersion = parameter("get", "/api/courses/{id}", "minVersion");
        assertThat(minVersion.path("required").asBoolean()).isFalse();
        assertThat(document.at("/paths/~1api~1courses~1{id}/get/responses/200/headers").has("X-Course-Version")).isTrue();
    }

    @Test
    void the_report_as_of_an_instant_is_documented_with_its_example_and_its_limit() {
        JsonNode asOf = parameter("get", "/api/reports/yearly-performance", "asOf");
        assertThat(asOf.path("required").asBoolean()).isFalse();
        assertThat(asOf.path("schema").path("format").asText()).isEqualTo("date-time");
        assertThat(asOf.path("example").asText()).isNotBlank();
        assertThat(operation("get", "/api/reports/yearly-performance").at("/responses/429/description").asText())
                .contains("asOf");
        assertThat(statuses("get", "/api/reports/yearly-performance")).contains("200", "400", "429");
    }

    @Test
    void the_streams_are_server_sent_events() {
        for (String path : List.of("/api/courses/{id}/stream", "/api/reports/yearly-performance/stream")) {
            JsonNode ok = operation("get", path).at("/responses/200/content");
            assertThat(ok.fieldNames()).toIterable().as(path).containsExactly("text/event-stream");
        }
        assertThat(document.at("/components/schemas").has("SseEmitter")).isFalse();
    }

    @Test
    void the_certificate_is_a_pdf() {
        JsonNode ok = operation("get", "/api/courses/{id}/trainees/{traineeId}/certificate").at("/responses/200/content");
        assertThat(ok.fieldNames()).toIterable().containsExactly("application/pdf");
        assertThat(ok.at("/application~1pdf/schema/format").asText()).isEqualTo("binary");
        assertThat(statuses("get", "/api/courses/{id}/trainees/{traineeId}/certificate")).contains("403", "404", "409");
    }

    /** The request examples, posted as given in the workflow's order on a new KOICA course, are accepted. */
    @Test
    void the_request_examples_work_as_given() {
        assertThat(postExample("/api/agreements", "/api/agreements").status()).isIn(200, 201);
        HttpApi.Answer proposed = postExample("/api/courses", "/api/courses");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String course = "/api/courses/" + proposed.json().path("courseId").asText();
        for (String step : List.of("demand-survey", "selection", "consignee-invitation", "consignee-selection", "schedule")) {
            HttpApi.Answer answer = postExample("/api/courses/{id}/" + step, course + "/" + step);
            assertThat(answer.status()).as(step + ": " + answer.body()).isEqualTo(204);
        }
        HttpApi.Answer session = postExample("/api/courses/{id}/sessions", course + "/sessions");
        assertThat(session.status()).as(session.body()).isEqualTo(201);
        String sessionPath = course + "/sessions/" + session.json().path("sessionId").asText();
        assertThat(postExample("/api/courses/{id}/sessions/{sessionId}/removal", sessionPath + "/removal").status())
                .isEqualTo(204);
        HttpApi.Answer enrolled = postExample("/api/courses/{id}/trainees", course + "/trainees");
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        String trainee = course + "/trainees/" + enrolled.json().path("traineeId").asText();
        assertThat(postExample("/api/courses/{id}/trainees/{traineeId}/withdrawal", trainee + "/withdrawal").status())
                .isEqualTo(204);
        assertThat(postExample("/api/courses/{id}/start", course + "/start").status()).isEqualTo(204);
        assertThat(postExample("/api/courses/{id}/completion", course + "/completion").status()).isEqualTo(204);
        HttpApi.Answer cost = postExample("/api/courses/{id}/costs", course + "/costs");
        assertThat(cost.status()).as(cost.body()).isEqualTo(201);
        assertThat(postExample("/api/courses/{id}/costs/{costId}/withdrawal",
                course + "/costs/" + cost.json().path("costId").asText() + "/withdrawal").status()).isEqualTo(204);
        assertThat(postExample("/api/courses/{id}/commission", course + "/commission").status()).isEqualTo(204);
        // The certificate is read from the read models, which follow the commands a moment later.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get("staff", trainee + "/certificate").status()).as("the example trainee withdrew").isEqualTo(409));
        HttpApi.Answer other = postExample("/api/courses", "/api/courses");
        String otherCourse = "/api/courses/" + other.json().path("courseId").asText();
        assertThat(postExample("/api/courses/{id}/cancellation", otherCourse + "/cancellation").status()).isEqualTo(204);
    }

    /** The body the document's examples make for this path's request schema, posted as staff. */
    private HttpApi.Answer postExample(String documented, String path) {
        JsonNode schema = operation("post", documented).at("/requestBody/content/application~1json/schema");
        JsonNode resolved = document.at("/components/schemas/" + schema.path("$ref").asText().replace("#/components/schemas/", ""));
        ObjectNode body = JSON.createObjectNode();
        resolved.path("properties").fields().forEachRemaining(property -> {
            assertThat(property.getValue().has("example")).as(documented + " " + property.getKey()).isTrue();
            body.set(property.getKey(), property.getValue().get("example"));
        });
        return api.post("staff", path, body.toString());
    }

    private List<String> statuses(String method, String path) {
        List<String> codes = new ArrayList<>();
        operation(method, path).path("responses").fieldNames().forEachRemaining(codes::add);
        return codes;
    }

    private JsonNode parameter(String method, String path, String name) {
        for (JsonNode parameter : operation(method, path).path("parameters")) {
            if (parameter.path("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " on " + method + " " + path);
    }

    private JsonNode operation(String method, String path) {
        JsonNode operation = document.path("paths").path(path).path(method);
        assertThat(operation.isMissingNode()).as(method + " " + path).isFalse();
        return operation;
    }

    /** "method path" to operation, in the document's order. */
    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new java.util.LinkedHashMap<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
                method -> operations.put(method.getKey() + " " + path.getKey(), method.getValue())));
        return operations;
    }
}
