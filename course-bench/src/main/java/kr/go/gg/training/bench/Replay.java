package kr.go.gg.training.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import kr.go.gg.training.api.report.YearlyPerformanceReport;
import kr.go.gg.training.bench.baseline.EventTable;
import kr.go.gg.training.bench.report.Figures;

/**
 * Workload 2, the replay: every streaming processor stopped, reset (its {@code @ResetHandler}s clear the read
 * models) and started, until every one is at the head; the rebuilt ten-year report must equal the live one. Then
 * its limit ({@link ReplayLimit}).
 */
record Replay(BenchRun run) {

    void measure(SystemUnderTest sut, EventTable events, YearlyPerformanceReport liveReport) throws Exception {
        long total = sut.storedEvents(events);
        long head = sut.headIndex();
        if (sut.onAxonServer()) {
            run.figures().note("replay: reads the whole Axon Server context, " + total + " events, of which "
                    + (long) run.figures().get("store_events_at_start") + " were there before this run (earlier runs,"
                    + " other applications), not only this run's");
        }
        run.progress("replay: resetting every read model and rebuilding it from " + total + " events");
        long stopping = System.nanoTime();
        sut.stopAllProcessors();
        long start = System.nanoTime();
        run.figures().note(String.format("replay: stopping the processors took %.2f s (not counted)", (start - stopping) / 1e9));
        List<String> reset = sut.resetAllProcessors();
        double seconds = (untilEachAtHead(sut, head, start) - start) / 1e9;
        YearlyPerformanceReport rebuilt = TenYearReport.ask(sut.queryGateway());
        boolean match = Objects.equals(rebuilt, liveReport);
        run.figures().note("replay: reset " + reset + "; rebuilt report " + (match ? "equals" : "DIFFERS FROM") + " the live one");
        put(sut, total, seconds, match);
        new ReplayLimit(run).measure(sut, events, head, total / seconds);
    }

    /** Waits until every processor is at {@code head}, noting when each got there; returns when the last did. */
    private long untilEachAtHead(SystemUnderTest sut, long head, long start) {
        Map<String, Long> finished = new TreeMap<>();
        long done = SystemUnderTest.awaitNanos(() -> {
            sut.streamingProcessors().forEach((name, processor) -> {
                if (!finished.containsKey(name) && sut.processorAt(processor, head)) {
                    finished.put(name, System.nanoTime());
                }
            });
            return finished.size() == sut.streamingProcessors().size();
        }, SystemUnderTest.WAIT, 500, () -> System.err.println("bench: processors behind " + head + ": "
                + sut.describePositions()));
        StringBuilder each = new StringBuilder("replay: each processor at the head after");
        finished.forEach((name, at) -> each.append(String.format(Locale.ROOT, " %s %.2f s;", name, (at - start) / 1e9)));
        run.figures().note(each.toString());
        return done;
    }

    private void put(SystemUnderTest sut, long total, double seconds, boolean match) {
        Figures figures = run.figures();
        figures.put("replay_events", total, 0, "", "events replayed into every read model"
                + (sut.onAxonServer() ? " (the whole context)" : ""));
        figures.put("replay_s", seconds, 2, "s", "reset until every processor is at the head again");
        figures.put("replay_events_per_s", total / seconds, 1, "1/s", "replay throughput (all read models together)");
        figures.put("replay_match", match ? 1 : 0, 0, "", "1 when the rebuilt ten-year report equals the live one");
    }
}
