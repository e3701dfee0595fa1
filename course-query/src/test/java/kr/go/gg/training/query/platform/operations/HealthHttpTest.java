package kr.go.gg.training.query.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import kr.go.gg.training.query.QueryApplicationTest;
import org.junit.jupiter.api.Test;

/** The health endpoint over real HTTP. */
class HealthHttpTest extends QueryApplicationTest {

    @Test
    void healthIsOpenAndUpWhenMongoAnswers() throws Exception {
        HttpResponse<String> health = get(null, "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(body(health).get("status").asText()).isEqualTo("UP");
        assertThat(List.of(get(null, "/v3/api-docs").statusCode())).containsExactly(200);
    }
}
