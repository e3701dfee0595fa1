package kr.go.gg.training.bench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.IntToDoubleFunction;

/**
 * Warms a contender up until its throughput stops rising, so that each one is measured in its steady state and
 * not while the JIT is still compiling it (a fixed warm-up of 500 courses left workload 1 at 55-65 % of the rate
 * it reached after 2,000-2,750: docs/benchmarks.md, fifth round). The system and the CRUD peer each get this rule,
 * each on its own code; the raw-append limit does not need it (its rounds did not rise).
 * <p>
 * The rule: run rounds of equal size; stop once {@value #STEADY_ROUNDS} rounds in a row did not beat the best
 * round before them by more than {@value #TOLERANCE_PERCENT} %, or after {@code maxRounds}. A noisy slow round
 * cannot end the warm-up on its own, and a noisy fast one only delays the end. Three, not two: with two, one run
 * stopped after six rounds on a plateau ({@code 1349 2640 2703 3384 3125 3384 /s}) that other runs left behind
 * after eight to ten (C2 compiles the big methods late).
 */
public final class Warmup {

    public static final int STEADY_ROUNDS = 3;
    public static final int TOLERANCE_PERCENT = 5;
    /**
     * Rounds at most, whatever the rates do. 32, not 20: waiting for a quiet JIT, a run at 500 courses reached the
     * 20th round with the compilers still at 0.2-0.35 of a core (above 1.0 for its first eleven rounds).
     */
    public static final int MAX_ROUNDS = 32;

    /** The rate of every round, in order. */
    public record Result(List<Double> rates) {

        public int rounds() {
            return rates.size();
        }

        /** "r1 r2 ... /s" for the notes. */
        public String describe() {
            StringBuilder text = new StringBuilder();
            for (double rate : rates) {
                text.append(String.format(Locale.ROOT, "%.0f ", rate));
            }
            return text.append("/s").toString();
        }
    }

    private Warmup() {
    }

    /**
     * Runs {@code round.applyAsDouble(i)} for i = 0, 1, ... (each returns its throughput) until the rate is steady.
     */
    public static Result untilSteady(int maxRounds, IntToDoubleFunction round) {
        return untilSteady(maxRounds, round, () -> true);
    }

    /**
     * As {@link #untilSteady(int, IntToDoubleFunction)}, and a round counts towards the steady ones only if
     * {@code settled} (asked after it) says the JIT was quiet in it: a plateau while C2 still compiles is not the
     * steady state. Issue 17: four runs in a row stopped after 5-7 rounds on a plateau of 880-1,060 commands/s with the
     * compilers busy on 0.6 of a core; runs that went on reached 2,000-3,500.
     */
    public static Result untilSteady(int maxRounds, IntToDoubleFunction round, BooleanSupplier settled) {
        List<Double> rates = new ArrayList<>();
        double best = 0;
        int steady = 0;
        for (int i = 0; i < maxRounds; i++) {
            double rate = round.applyAsDouble(i);
            rates.add(rate);
            if (i > 0 && rate <= best * (1 + TOLERANCE_PERCENT / 100.0) && settled.getAsBoolean()) {
                steady++;
            } else {
                steady = 0;
            }
            best = Math.max(best, rate);
            if (steady == STEADY_ROUNDS) {
                break;
            }
        }
        return new Result(List.copyOf(rates));
    }
}
