package kr.go.gg.training.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Spring context for every HTTP test (subclasses add no configuration): the embedded default on an H2 file
 * in a temporary directory, test users with secret passwords, a real HTTP client.
 */
@ActiveProfiles("test") // not standalone: the documented local users must not be needed
@SpringBootTest(classes = CourseCommandApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HttpTestSupport {

    protected static final String STAFF = "staff";
    protected static final String AUDITOR = "auditor";
    protected static final String VIEWER = "viewer";
    protected static final String ADMIN = "admin";
    private static final Map<String, String> PASSWORDS = Map.of(STAFF, "staff-secret-1", AUDITOR, "auditor-secret-1",
            VIEWER, "viewer-secret-1", ADMIN, "admin-secret-1");
    private static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("course-command-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("course.data-dir", DATA_DIR::toString);
        PASSWORDS.forEach((user, password) -> {
            registry.add("course.security.users." + user + ".password", () -> "{noop}" + password);
            registry.add("course.security.users." + user + ".role", user::toUpperCase);
        });
    }

    protected static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;

    protected record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    protected Answer post(String path, Object body) {
        return send(STAFF, "POST", path, body, Map.of());
    }

    protected Answer post(String user, String path, Object body, Map<String, String> headers) {
        return send(user, "POST", path, body, headers);
    }

    protected Answer get(String user, String path) {
        return send(user, "GET", path, null, Map.of());
    }

    protected Answer send(String user, String method, String path, Object body, Map<String, String> headers) {
        try {
            String text = body == null || body instanceof byte[] ? "" : body instanceof String raw ? raw : JSON.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : body instanceof byte[] bytes ? HttpRequest.BodyPublishers.ofByteArray(bytes) // exactly these bytes
                            : HttpRequest.BodyPublishers.ofString(text))
                    .header("Content-Type", "application/json");
            if (user != null) {
                String credentials = user + ":" + PASSWORDS.getOrDefault(user, "wrong");
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            }
            headers.forEach(request::header);
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean isJson = response.headers().firstValue("Content-Type").map(type -> type.contains("json")).orElse(false);
            JsonNode json = !isJson || response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), json, response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    protected long events(String aggregateId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?", Long.class, aggregateId);
    }

    protected String recordAgreement(String province, String signedOn) {
        Answer answer = post("/api/agreements", Map.of("province", province, "classification", "GENERAL", "signedOn", signedOn));
        if (answer.status() != 201 && answer.status() != 200) { // 200: recorded before, by another test in this context
            throw new AssertionError(answer.raw().body());
        }
        return answer.body().get("agreementId").asText();
    }

    protected String proposeKoica(int capacity) {
        Answer answer = post("/api/courses", Map.of("title", "Smart city policy", "program", "KOICA", "direction", "INBOUND",
                "partner", "Vietnam", "capacity", capacity));
        if (answer.status() != 201) {
            throw new AssertionError(answer.raw().body());
        }
        return answer.body().get("courseId").asText();
    }

    /** A KOICA course walked through its selection to a schedule in June 2016: its path, ready to enrol. */
    protected String scheduledKoica(int capacity) {
        String course = "/api/courses/" + proposeKoica(capacity);
        assertThat(post(course + "/demand-survey", Map.of("surveyedOn", "2014-05-01")).status()).isEqualTo(204);
        assertThat(post(course + "/selection", Map.of("selected", true, "decidedOn", "2016-01-05")).status()).isEqualTo(204);
        assertThat(post(course + "/consignee-invitation", Map.of("quarter", 2, "publishedOn", "2016-02-03")).status()).isEqualTo(204);
        assertThat(post(course + "/consignee-selection", Map.of("awarded", true, "decidedOn", "2016-03-10")).status()).isEqualTo(204);
        assertThat(post(course + "/schedule", Map.of("startDate", "2016-06-01", "endDate", "2016-06-14")).status()).isEqualTo(204);
        return course;
    }

    protected static Map<String, Object> trainee(String name, String level) {
        return level == null
                ? Map.of("name", name, "country", "Vietnam", "organization", "Hanoi City", "position", "Director")
                : Map.of("name", name, "country", "Vietnam", "organization", "Hanoi City", "position", "Director", "level", level);
    }
}
