package kr.go.gg.training.bench;

import kr.go.gg.training.bench.report.Figures;

/**
 * What every phase of one run shares: the options, the figures measured so far, the progress lines and the
 * system's starter (one client id and one staff password per run). Each phase ({@link FirstStart},
 * {@link CommandLoad}, ... {@link CrudLoad}) is a small record of the run it puts its figures into.
 */
record BenchRun(BenchOptions options, Figures figures, Progress progress, SystemStarter system) {

    void progress(String message) {
        progress.say(message);
    }

    boolean onAxonServer() {
        return options.onAxonServer();
    }
}
