package kr.go.gg.training.query.embedded;

import java.time.Duration;

import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.query.QueryApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * H2 closes the read models' file after a write it could not finish (a full disk): MVStore's panic closes the
 * store at once, as {@code closeImmediately()} does here. Queries still answer from what the server holds, but
 * liveness goes DOWN, since only a restart opens the file again. Its own context: the wire server on a file, which this test breaks.
 */
@TestPropertySource(properties = "course.mongo.persistent=true")
class ReadModelFileClosedHttpTest extends QueryApplicationTest {

    @Autowired
    private ReadModelStore readModelStore;

    @Test
    void liveness_asks_for_a_restart_once_the_read_model_file_has_closed() throws Exception {
        String id = proposeScheduledCourse(2031, Program.KOICA);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("viewer", "/api/courses/" + id).statusCode()).isEqualTo(200));
        assertThat(get(null, "/actuator/health/liveness").statusCode()).isEqualTo(200);

        readModelStore.mvStore().closeImmediately();

        // reads go on from what the server holds; nothing more is made durable, so liveness asks for a restart
        assertThat(get("viewer", "/api/courses/" + id).statusCode()).isEqualTo(200);
        assertThat(get(null, "/actuator/health/liveness").statusCode()).isEqualTo(503);
    }
}
