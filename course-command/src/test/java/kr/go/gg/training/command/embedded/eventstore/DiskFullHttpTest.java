package kr.go.gg.training.command.embedded.eventstore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import kr.go.gg.training.command.HttpTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event store's disk fills up under running commands, then space returns. H2 meets a real I/O error
 * ({@link FullDiskFilePath}), fails its write and closes the database, as on a full disk. Its own context: the
 * event store's URL names that file system.
 */
class DiskFullHttpTest extends HttpTestSupport {

    private static final Path STORE_DIR;

    static {
        try {
            STORE_DIR = Files.createTempDirectory("course-command-full-disk");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void fullDiskStore(DynamicPropertyRegistry registry) {
        FullDiskFilePath.register();
        registry.add("spring.datasource.url", () -> "jdbc:h2:fulldisk:" + STORE_DIR.resolve("events")
                + ";WRITE_DELAY=0;RETENTION_TIME=0;DB_CLOSE_ON_EXIT=FALSE");
    }

    @AfterEach
    void spaceReturns() {
        FullDiskFilePath.full = false;
    }

    private static Map<String, String> key(String key) {
        return Map.of("Idempotency-Key", key);
    }

    private int readiness() {
        return get(null, "/actuator/health/readiness").status();
    }

    @Test
    void a_full_disk_answers_503_problems_readiness_is_down_and_the_service_recovers_by_itself() {
        String id = proposeKoica(3);
        long before = events();
        String k = UUID.randomUUID().toString();
        Map<String, Object> survey = Map.of("surveyedOn", "2015-01-01");

        FullDiskFilePath.full = true;
        for (int attempt = 0; attempt < 3; attempt++) {
            Answer failed = post(STAFF, "/api/courses/" + id + "/demand-survey", survey, key(k));
            assertThat(failed.status()).as(failed.raw().body()).isEqualTo(503);
            assertThat(failed.header("Content-Type")).startsWith("application/problem+json");
            assertThat(failed.header("Retry-After")).isNotBlank();
            assertThat(failed.body().get("detail").asText()).contains("stored").doesNotContain("Exception", "h2", "H2");
        }
        assertThat(readiness()).isEqualTo(503);

        FullDiskFilePath.full = false;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(readiness()).isEqualTo(200));
        Answer retried = post(STAFF, "/api/courses/" + id + "/demand-survey", survey, key(k));
        assertThat(retried.status()).as(retried.raw().body()).isEqualTo(204);
        assertThat(proposeKoica(3)).isNotBlank();
        assertThat(get(STAFF, "/api/courses/" + id + "/history").status()).isEqualTo(200);
        // the course before, its survey once (a failed attempt stored nothing half), the new course
        assertThat(events(id)).isEqualTo(2);
        assertThat(events()).isEqualTo(before + 2);
    }
}
