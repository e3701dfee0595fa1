package kr.go.gg.training.command.platform.security;

import java.util.Map;

import kr.go.gg.training.command.HttpTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * course-command alone: errors that no controller answers (Spring MVC's 404 and 405, the {@code /error} page, the
 * security firewall, Tomcat) are problems with the security headers, and only ADMIN reads the metrics.
 */
class ErrorsAsProblemsHttpTest extends HttpTestSupport {

    @ParameterizedTest(name = "{1} {2} as {0}: {3}")
    @CsvSource({
            "staff, PUT, /api/courses, 405",
            "staff, GET, /api/courses/x/no-such-thing, 404",
            "staff, GET, /no-such-thing, 404",
            ", GET, /error, 404",
            "admin, GET, /error, 404",
            "staff, GET, /api/%2e%2e/api/courses, 400",
            "staff, GET, //api/courses/x/history, 400",
            "staff, GET, /api/courses/a%2Fb/history, 400",
            "staff, GET, /actuator/metrics, 403",
            "auditor, GET, /actuator/info, 403"})
    void an_error_is_a_problem_with_the_security_headers(String user, String method, String path, int status) {
        Answer answer = send(user, method, path, null, Map.of());

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.body().get("status").asInt()).isEqualTo(status);
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(answer.raw().body()).doesNotContainPattern("(?i)exception|spring|tomcat|java");
    }
}
