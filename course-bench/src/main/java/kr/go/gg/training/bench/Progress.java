package kr.go.gg.training.bench;

import java.io.PrintStream;

/** The progress lines of one run, each stamped with the seconds since the run began. */
final class Progress {

    private final PrintStream out;
    private final long started = System.nanoTime();

    Progress(PrintStream out) {
        this.out = out;
    }

    void say(String message) {
        out.printf("[bench %6.1fs] %s%n", seconds(), message);
        out.flush();
    }

    /** Seconds since the run began. */
    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }
}
