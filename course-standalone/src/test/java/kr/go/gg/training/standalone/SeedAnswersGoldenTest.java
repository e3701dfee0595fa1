package kr.go.gg.training.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The answers read from the year read models (yearly report, course list by year, KOICA pipeline) over the seed's
 * records, byte for byte as captured in {@code src/test/resources/golden} before their stored shapes changed
 * (issue 17: per-course rows instead of one document per year). A change of shape must answer the same bytes for the
 * same events. A mismatch writes the answer to {@code target/golden-actual} for the diff.
 */
class SeedAnswersGoldenTest extends StandaloneTestBase {

    private static final Map<String, String> READS = Map.of(
            "report-2014-2016", "/api/reports/yearly-performance?from=2014&to=2016",
            "courses-2014", "/api/courses?year=2014",
            "courses-2015", "/api/courses?year=2015",
            "courses-2016", "/api/courses?year=2016",
            "pipeline-2014", "/api/pipeline?year=2014",
            "pipeline-2015", "/api/pipeline?year=2015",
            "pipeline-2016", "/api/pipeline?year=2016");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"report-2014-2016", "courses-2014", "courses-2015", "courses-2016", "pipeline-2014",
            "pipeline-2015", "pipeline-2016"})
    void the_seed_answers_the_captured_bytes(String name) throws IOException {
        String expected = golden(name);
        String path = READS.get(name);
        try {
            // the start-up import is asynchronous to the read side: wait for the answer to be complete
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("viewer", path).body(), expected::equals);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            String actual = api.get("viewer", path).body();
            Path out = Path.of("target", "golden-actual", name + ".json");
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual);
            assertThat(actual).as("answer of %s (written to %s)", path, out).isEqualTo(expected);
        }
    }

    private static String golden(String name) {
        try (InputStream in = SeedAnswersGoldenTest.class.getResourceAsStream("/golden/" + name + ".json")) {
            if (in == null) {
                return "(no golden file " + name + ".json)";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
