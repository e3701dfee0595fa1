package kr.go.gg.training.query.platform.security;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import kr.go.gg.training.query.QueryApplicationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * course-query alone: 404 and 405 of Spring MVC, the {@code /error} page asked for directly, the firewall's and
 * Tomcat's refusals, and a role without the metrics: all problems with the security headers.
 */
class ErrorsAsProblemsHttpTest extends QueryApplicationTest {

    @ParameterizedTest(name = "{0} {1} {2}: {3}")
    @CsvSource({
            "viewer, POST, /api/pipeline, 405",
            "admin, DELETE, /api/admin/projections, 405",
            "staff, GET, /api/no-such-report, 404",
            "viewer, GET, /api/no-such-report, 403",
            ", GET, /error, 404",
            "viewer, GET, /api/%2e%2e/api/courses, 400",
            "viewer, GET, //api/courses, 400",
            "viewer, GET, /api/courses/a%2Fb, 400",
            "viewer, GET, /actuator/metrics, 403",
            "auditor, GET, /actuator/metrics, 403"})
    void an_error_is_a_problem_with_the_security_headers(String user, String method, String path, int status) throws Exception {
        HttpResponse<String> answer = http.send(request(user, path).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertProblem(answer, status);
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(answer.body()).doesNotContainPattern("(?i)exception|spring|tomcat|java");
    }
}
