package kr.go.gg.training.standalone;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A path nobody serves is a 404 problem, whoever asks and however deep it lies (docs/api.md "Errors"). */
class UnknownPathsTest extends StandaloneTestBase {

    @Test
    void every_unknown_path_answers_a_404_problem() {
        // "/" is the dashboard now (docs/web.md), no longer an unknown path
        for (String path : List.of("/nope", "/api/nope", "/api/courses/x/y/z", "/swagger-ui/nope",
                "/actuator/nope", "/actuator/health/nope", "/actuator/metrics/nope")) {
            HttpApi.Answer answer = api.get("admin", path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.contentType()).as(path).isEqualTo("application/problem+json");
            assertThat(answer.json().path("status").asInt()).as(path).isEqualTo(404);
            assertThat(answer.json().path("detail").asText()).as(path).isNotBlank();
        }
    }

    @Test
    void an_unknown_health_group_is_a_404_problem_without_credentials_too() {
        HttpApi.Answer answer = api.get(null, "/actuator/health/nope");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
    }
}
