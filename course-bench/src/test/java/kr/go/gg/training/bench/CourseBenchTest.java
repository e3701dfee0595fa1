package kr.go.gg.training.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kr.go.gg.training.bench.workload.CoursePlan;
import kr.go.gg.training.bench.workload.Warmup;

/**
 * Runs the whole benchmark at a tiny size in this JVM and checks the shape of its output: the last line is the
 * {@code bench:} line with every key of issue 6 and a number for each. No timing is asserted.
 */
class CourseBenchTest {

    static final String[] REQUIRED = {
            "commands_per_s", "events_per_s", "crud_ratio", "append_ratio", "replay_events_per_s", "replay_ratio",
            "query_p99_ms", "query_ratio", "lag_ms", "disk_ratio",
            "cmd_p50_ms", "cmd_p99_ms", "http_commands_per_s", "http_p50_ms", "http_p99_ms", "query_p50_ms",
            "raw_appends_per_s", "raw_read_rows_per_s", "crud_commands_per_s", "findone_p99_ms", "payload_bytes",
            "data_bytes", "replay_match", "solo_commands_per_s", "disk_ratio_if_compacted", "replay_ratio_ceiling",
            "warmup_courses", "crud_warmup_courses", "raw_prefilled_rows", "replay_raw_ratio",
            "raw_deserialize_rows_per_s", "cmd_cpu_cores", "cmd_jit_cores", "crud_cpu_cores", "crud_jit_cores"};

    @Test
    void tinyRunPrintsEveryFigureAsTheLastLine() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        String line = CourseBench.run(out, "--courses", "3", "--http-courses", "1", "--queries", "20",
                "--raw-rows", "200", "--enrolments", "3"); // warm-up by default: rounds of 1 course until steady
        String printed = buffer.toString(StandardCharsets.UTF_8);
        System.out.print(printed);

        String[] lines = printed.strip().split("\\R");
        assertThat(lines[lines.length - 1]).isEqualTo(line).startsWith("bench: ");

        Map<String, String> figures = new LinkedHashMap<>();
        for (String pair : line.substring("bench: ".length()).trim().split("\\s+")) {
            String[] kv = pair.split("=", 2);
            assertThat(kv).as(pair).hasSize(2);
            figures.put(kv[0], kv[1]);
        }
        for (String key : REQUIRED) {
            assertThat(figures).as("key " + key).containsKey(key);
            assertThat(figures.get(key)).as(key).matches("-?\\d+(\\.\\d+)?");
        }
        assertThat(Double.parseDouble(figures.get("events"))).as("events appended").isGreaterThan(0);
        assertThat(figures.get("replay_match")).as("the rebuilt report equals the live one").isEqualTo("1");
        assertThat(Double.parseDouble(figures.get("raw_prefilled_rows"))).as("the warm-up's events, copied")
                .isGreaterThan(0);
        for (String warmup : new String[] {"warmup_courses", "crud_warmup_courses"}) {
            assertThat(Double.parseDouble(figures.get(warmup))).as(warmup + ": rounds of one course until steady")
                    .isBetween(Warmup.STEADY_ROUNDS + 1.0, (double) Warmup.MAX_ROUNDS);
        }
    }

    @Test
    void optionsHaveTheIssuesDefaults() {
        BenchOptions options = BenchOptions.parse();
        assertThat(options.courses()).isEqualTo(500);
        assertThat(options.clients()).isEqualTo(4);
        assertThat(options.queries()).isEqualTo(1000);
        assertThat(CoursePlan.commandsPerCourse(options.enrolments())).isEqualTo(28);
        assertThat(BenchOptions.parse("--courses=2000").courses()).isEqualTo(2000);
        assertThat(options.onAxonServer()).as("the embedded default unless --axonserver").isFalse();
    }

    @Test
    void axonServerOptionNamesHostAndPort() {
        assertThat(BenchOptions.parse("--axonserver", "localhost:8124").axonServer()).isEqualTo("localhost:8124");
        assertThat(BenchOptions.parse("--courses", "200", "--axonserver=10.0.0.5:8124").onAxonServer()).isTrue();
        for (String bad : new String[] {"localhost", "localhost:", ":8124", "localhost:0", "localhost:x"}) {
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .as(bad).isThrownBy(() -> BenchOptions.parse("--axonserver", bad))
                    .withMessageContaining("--axonserver");
        }
    }
}
