package kr.go.gg.training.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The command line of docs/benchmarks.md: both spellings, the flags, the defaults derived from --courses, the refusals. */
class BenchOptionsTest {

    @Test
    void every_option_takes_its_value_after_a_space_or_an_equals_sign() {
        BenchOptions options = BenchOptions.parse("--courses", "30", "--http-courses=2", "--clients", "3",
                "--queries=50", "--warmup-courses", "0", "--raw-rows=200", "--enrolments", "5", "--data-dir=/tmp/x",
                "--fix", "no-metrics", "--axonserver=localhost:8124");
        assertThat(options).isEqualTo(new BenchOptions(30, 2, 3, 50, 0, 200, Path.of("/tmp/x"), false, 5,
                java.util.Set.of("no-metrics"), "localhost:8124"));
    }

    @Test
    void keep_data_is_a_flag_and_the_other_defaults_follow_the_courses() {
        BenchOptions options = BenchOptions.parse("--keep-data", "--courses", "120");
        assertThat(options.keepData()).isTrue();
        assertThat(options.httpCourses()).as("courses / 50, at least 1").isEqualTo(2);
        assertThat(options.warmupCourses()).isEqualTo(BenchOptions.UNTIL_STEADY);
        assertThat(options.warmupRoundCourses()).as("half of 120").isEqualTo(60);
        assertThat(BenchOptions.parse("--keep-data=false").keepData()).isFalse();
    }

    @Test
    void the_usage_line_names_every_option_in_order() {
        assertThat(BenchOptions.usage()).startsWith("usage: java -jar course-bench.jar [--courses N (500)] [--http-courses")
                .containsSubsequence("--clients", "--queries", "--warmup-courses", "--raw-rows", "--enrolments",
                        "--data-dir", "[--keep-data]", "--fix no-metrics", "--axonserver HOST:PORT")
                .doesNotContain("--help");
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--help"))
                .withMessage(BenchOptions.usage());
    }

    @Test
    void wrong_arguments_are_refused_with_what_is_wrong() {
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--courses", "0"))
                .withMessage("--courses must be positive");
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--enrolments=-1"))
                .withMessage("--enrolments must not be negative");
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--queries", "many"))
                .withMessage("--queries needs a number, not 'many'");
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--courses"))
                .withMessageStartingWith("--courses needs a value; usage:");
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--speed", "2"))
                .withMessageStartingWith("unknown option --speed; usage:");
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("courses"))
                .withMessageStartingWith("unexpected argument 'courses'; usage:");
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--fix", "no-metrics,turbo"))
                .withMessage("unknown --fix turbo; known: [no-metrics]");
    }
}
