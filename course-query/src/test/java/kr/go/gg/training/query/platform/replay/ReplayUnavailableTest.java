package kr.go.gg.training.query.platform.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Optional;
import kr.go.gg.training.query.platform.web.QueryProblemAdvice;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** A replay that could not stop every query node in time answers 503 problem+json, with {@code Retry-After}. */
class ReplayUnavailableTest {

    @Test
    void aReplayThatCannotStopEveryQueryNodeAnswers503ProblemJson() throws Exception {
        ProjectionAdmin admin = new ProjectionAdmin(null) {
            @Override
            public synchronized Optional<ProjectionStatus> replay(String name) {
                throw new ReplayNotPossible("Not every query node stopped its read-model processor in time; nothing "
                        + "was reset. Retry shortly.", null);
            }
        };
        MockHttpServletResponse response = MockMvcBuilders.standaloneSetup(new ProjectionAdminController(admin))
                .setControllerAdvice(new QueryProblemAdvice()).build()
                .perform(post("/api/admin/projections/rosters/replay")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isNotBlank();
        assertThat(response.getContentAsString()).contains("Not every query node stopped");
    }
}
