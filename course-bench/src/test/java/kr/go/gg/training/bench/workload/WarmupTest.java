package kr.go.gg.training.bench.workload;

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
        assertThat(roundsRun(2800, 3300, 3900, 4400, 4500, 4480, 4520, 9999)).isEqualTo(7);
    }

    @Test
    void warm_up_ends_after_three_rounds_in_a_row_no_faster_than_the_best_before_them() {
        assertThat(roundsRun(4000, 4100, 4150, 4000, 9999)).isEqualTo(4);
    }

    @Test
    void a_plateau_of_two_rounds_does_not_end_the_warm_up() {
        assertThat(roundsRun(1349, 2640, 2703, 3384, 3125, 3384, 4500, 4600, 4550, 4400, 9999)).isEqualTo(10);
    }

    @Test
    void a_round_more_than_five_percent_faster_than_the_best_before_it_starts_the_count_again() {
        assertThat(roundsRun(3000, 3100, 3150, 3400, 3450, 3300, 3500, 9999)).isEqualTo(7);
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
    void a_plateau_while_the_jit_still_compiles_does_not_end_the_warm_up() {
        double[] rates = {391, 882, 870, 883, 909, 1500, 2100, 2150, 2120, 2140, 9999};
        boolean[] quiet = {false, false, false, false, false, false, true, true, true, true, true};
        int[] asked = {-1};
        Warmup.Result result = Warmup.untilSteady(Warmup.MAX_ROUNDS, i -> {
            asked[0] = i;
            return rates[i];
        }, () -> quiet[asked[0]]);
        assertThat(result.rounds()).isEqualTo(10);
    }

    @Test
    void the_rates_are_described_in_order() {
        assertThat(Warmup.untilSteady(4, i -> 1000 + i).describe()).isEqualTo("1000 1001 1002 1003 /s");
    }
}
