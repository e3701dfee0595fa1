package kr.go.gg.training.standalone;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One standalone application on a fresh data folder, shared by every test class that extends this. It starts
 * with the seed's records imported (--course.import), as a local installation would.
 */
@SpringBootTest(classes = CourseStandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("standalone")
// metrics exported as in production (a Spring Boot test turns the registries off): /actuator/prometheus exists
@AutoConfigureObservability(tracing = false)
abstract class StandaloneTestBase {

    static final Path DATA_DIR = newDataDir();

    @LocalServerPort
    int port;

    HttpApi api;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("course.data-dir", DATA_DIR::toString);
        registry.add("course.import", () -> "classpath:seed/gyeonggi-2014-2016.json");
    }

    @BeforeEach
    void client() {
        api = new HttpApi(port);
    }

    private static Path newDataDir() {
        try {
            return Files.createTempDirectory("course-standalone-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
