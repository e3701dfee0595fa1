package kr.go.gg.training.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The warm-up rule, fed rates instead of running rounds. */
class WarmupTest {

    /** Runs the rule over these rates (a round past the last one fails the test) and returns how many it ran. */
    private static int roundsRun(double... rates) {
        List<Integer> ran = new ArrayList<>();
        Warmup.Result result = Warmup.untilSteady(Warmup.MAX_ROUNDS, i -> {
            ran.add(i);
            return rates[i];
        });
        assertThat(result.rates()).hasSize(ran.size());
        return result.rounds();
    }

    @Test
    void warm_up_goes_on_while_the_rate_keeps_rising() {
        assertThat(roundsRun(2800, 3300, 3900, 4400, 4500, 4480, 9999)).isEqualTo(6);
    }

    @Test
    void warm_up_ends_after_two_rounds_in_a_row_no_faster_than_the_best_before_them() {
        assertThat(roundsRun(4000, 4100, 4150, 9999)).isEqualTo(3);
    }

    @Test
    void one_slow_round_does_not_end_the_warm_up() {
        assertThat(roundsRun(3000, 2500, 3600, 3700, 3650, 9999)).isEqualTo(5);
    }

    @Test
    void a_round_more_than_five_percent_faster_than_the_best_before_it_starts_the_count_again() {
        assertThat(roundsRun(3000, 3100, 3300, 3350, 3300, 9999)).isEqualTo(5);
    }

    @Test
    void warm_up_stops_at_the_most_rounds_even_while_the_rate_still_rises() {
        double[] rising = new double[Warmup.MAX_ROUNDS + 1];
        for (int i = 0; i < rising.length; i++) {
            rising[i] = 1000 * Math.pow(1.1, i);
        }
        assertThat(roundsRun(rising)).isEqualTo(Warmup.MAX_ROUNDS);
    }

    @Test
    void the_rates_are_described_in_order() {
        assertThat(Warmup.untilSteady(3, i -> 1000 + i).describe()).isEqualTo("1000 1001 1002 /s");
    }
}
