package kr.go.gg.training.query.embedded;

import java.util.List;

import kr.go.gg.training.query.QueryApplicationTest;
import kr.go.gg.training.query.SilencedLoggers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2 closes the read models' file after a write it could not finish (a full disk): MVStore's panic closes the
 * store at once, as {@code closeImmediately()} does here. Queries still answer from what the server holds, but
 * liveness goes DOWN, since only a restart opens the file again. Its own context: the wire server on a file, which this test breaks.
 * Closed after the test (its processor would fail to write its token for the rest of the build), and the failures it
 * provokes on purpose stay out of the build's output.
 */
@TestPropertySource(properties = "course.mongo.persistent=true")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class ReadModelFileClosedHttpTest extends QueryApplicationTest {

    /** What reports the broken file: the wire server, the processor retrying, the store's own warning. */
    private static final List<String> REPORTERS = List.of("de.bwaldvogel.mongo.wire.MongoWireProtocolHandler",
            "org.axonframework.eventhandling", ReadModelStore.class.getName());
    private static final SilencedLoggers QUIET = new SilencedLoggers();

    @Autowired
    private ReadModelStore readModelStore;

    @Test
    void liveness_asks_for_a_restart_once_the_read_model_file_has_closed() throws Exception {
        shownCourse(2031); // the read side is up and has written
        assertThat(get(null, "/actuator/health/liveness").statusCode()).isEqualTo(200);

        QUIET.silence(REPORTERS);
        readModelStore.mvStore().closeImmediately();

        // nothing more is made durable, so liveness asks for a restart (a read now answers only from pages the
        // store's cache still holds, which is not for this test to decide)
        assertThat(get(null, "/actuator/health/liveness").statusCode()).isEqualTo(503);
    }

    /** After the context has closed (AFTER_EACH_TEST_METHOD closes it before this runs). */
    @AfterAll
    static void restoreLevels() {
        QUIET.restore();
    }
}
