package kr.go.gg.training.command.platform.security;

import java.util.Map;

import kr.go.gg.training.command.HttpTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHttpTest extends HttpTestSupport {

    private static final Map<String, Object> COURSE = Map.of("title", "t", "program", "KOICA", "direction", "INBOUND",
            "partner", "Laos", "capacity", 5);

    @Test
    void a_command_without_credentials_is_unauthorized_as_a_problem() {
        long before = events();
        Answer answer = post(null, "/api/courses", COURSE, Map.of());
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.body().get("status").asInt()).isEqualTo(401);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_wrong_password_is_unauthorized() {
        assertThat(post("nobody", "/api/courses", COURSE, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void auditors_and_viewers_may_not_command() {
        for (String user : new String[]{AUDITOR, VIEWER}) {
            Answer answer = post(user, "/api/agreements", Map.of("province", "Jiangsu", "classification", "GENERAL", "signedOn", "2013-01"), Map.of());
            assertThat(answer.status()).as(user).isEqualTo(403);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void staff_and_admin_may_command() {
        assertThat(post(STAFF, "/api/courses", COURSE, Map.of()).status()).isEqualTo(201);
        assertThat(post(ADMIN, "/api/courses", COURSE, Map.of()).status()).isEqualTo(201);
    }

    @Test
    void health_and_the_api_docs_are_open_everything_else_needs_credentials() {
        Answer health = get(null, "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");
        Answer docs = get(null, "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("paths").has("/api/courses/{id}/schedule")).isTrue();
        assertThat(get(null, "/swagger-ui/index.html").status()).isEqualTo(200);
        assertThat(get(null, "/actuator/metrics").status()).isEqualTo(401);
        assertThat(get(null, "/api/courses/x/history").status()).isEqualTo(401);
        assertThat(get(VIEWER, "/api/courses/x/history").status()).isEqualTo(403);
    }
}
