package kr.go.gg.training.query.platform.web;

import java.net.http.HttpResponse;
import java.util.List;

import de.bwaldvogel.mongo.MongoServer;
import kr.go.gg.training.query.QueryApplicationTest;
import kr.go.gg.training.query.SilencedLoggers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MongoDB away (here: the wire server stopped under the running application): a query is answered 503 problem+json
 * with Retry-After once the driver gives up finding a server, not a 500, and not after the driver's own 30 s.
 * Its own context, closed after the test; the failures it provokes on purpose stay out of the build's output.
 */
@TestPropertySource(properties = "course.mongo.server-selection-timeout=500ms")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class ReadModelsUnreachableHttpTest extends QueryApplicationTest {

    /** What reports the outage: the processors retrying, the driver, this advice's warning. */
    private static final List<String> REPORTERS = List.of("org.axonframework", "org.mongodb.driver",
            QueryProblemAdvice.class.getName(), "kr.go.gg.training.query");
    private static final SilencedLoggers QUIET = new SilencedLoggers();

    @Autowired
    private MongoServer mongoServer;

    @Test
    void a_query_while_the_read_models_database_is_unreachable_is_503_with_retry_after() throws Exception {
        String id = shownCourse(2032);

        QUIET.silence(REPORTERS);
        mongoServer.shutdownNow();

        for (String path : List.of("/api/courses/" + id, "/api/courses?year=2032")) {
            HttpResponse<String> answer = get("viewer", path);
            assertProblem(answer, 503);
            assertThat(answer.headers().firstValue("Retry-After")).hasValue(QueryProblemAdvice.RETRY_AFTER_SECONDS);
            assertThat(answer.body()).contains("read models' database").doesNotContain("Mongo");
        }
    }

    /** After the context has closed (AFTER_EACH_TEST_METHOD closes it before this runs). */
    @AfterAll
    static void restoreLevels() {
        QUIET.restore();
    }
}
