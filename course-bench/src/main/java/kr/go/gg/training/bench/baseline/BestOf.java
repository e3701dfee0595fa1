package kr.go.gg.training.bench.baseline;

import java.util.function.ToDoubleFunction;

/** A limit is its best round: the read run {@code rounds} times, the fastest kept (the noise only slows it). */
final class BestOf {

    /** One round of a read. */
    @FunctionalInterface
    interface Round<R, E extends Exception> {
        R run() throws E;
    }

    private BestOf() {
    }

    static <R, E extends Exception> R rounds(int rounds, ToDoubleFunction<R> seconds, Round<R, E> round) throws E {
        R best = null;
        for (int i = 0; i < rounds; i++) {
            R result = round.run();
            if (best == null || seconds.applyAsDouble(result) < seconds.applyAsDouble(best)) {
                best = result;
            }
        }
        return best;
    }
}
