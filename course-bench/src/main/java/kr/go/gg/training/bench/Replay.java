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
 * Workload 2, the replay (issue 17): the admin rebuild of every read model beside its live generation
 * ({@link AdminRebuild}), until every one has switched; the rebuilt read models must hold what the live ones held and
 * the ten-year report answer the same ({@code replay_match}). Then, as before issue 17, the in-place replay that a
 * plain {@code resetTokens()} still runs (Axon's own path, {@code inplace_replay_*}): every streaming processor
 * stopped, reset (its {@code @ResetHandler}s clear the read models) and started, until every one is at the head.
 * Then their limits ({@link RebuildWriteLimit}, {@link ReplayLimit}).
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
        Map<String, String> liveModels = ReadModelDigest.of(sut);
        run.progress("replay: rebuilding every read model beside the live one from " + total + " events");
        double seconds = new AdminRebuild(run).measure(sut);
        Map<String, String> rebuiltModels = ReadModelDigest.of(sut);
        boolean match = Objects.equals(TenYearReport.ask(sut.queryGateway()), liveReport) && sameModels(liveModels,
                rebuiltModels);
        put(sut, total, seconds, match);
        run.progress("the rebuild's write limit: copies of every rebuilt document inserted in bulk");
        RebuildWriteLimit.Result writes = RebuildWriteLimit.measure(sut);
        run.figures().put("rebuild_documents", writes.documents(), 0, "", "documents of every rebuilt read model");
        run.figures().put("rebuild_write_s", writes.seconds(), 2, "s", "bulk inserts of copies of them, as many at once"
                + " as cores (the least any rebuild that writes them once spends)");
        double inPlace = inPlace(sut, total, head, liveReport);
        new ReplayLimit(run).measure(sut, events, head, total / seconds, inPlace, total / writes.seconds());
    }

    private boolean sameModels(Map<String, String> live, Map<String, String> rebuilt) {
        Map<String, String> differing = new TreeMap<>();
        live.forEach((collection, digest) -> {
            if (!digest.equals(rebuilt.get(collection))) {
                differing.put(collection, digest + " -> " + rebuilt.get(collection));
            }
        });
        run.figures().note("replay (admin rebuild): " + live.size() + " read-model collections (documents:digest) "
                + (differing.isEmpty() ? "all equal the live ones: " + live : "DIFFER: " + differing));
        return differing.isEmpty() && live.keySet().equals(rebuilt.keySet());
    }

    /** The in-place replay; returns its events/s. */
    private double inPlace(SystemUnderTest sut, long total, long head, YearlyPerformanceReport liveReport)
            throws Exception {
        run.progress("in-place replay: resetting every read model and rebuilding it from " + total + " events");
        long stopping = System.nanoTime();
        sut.stopAllProcessors();
        long start = System.nanoTime();
        run.figures().note(String.format("in-place replay: stopping the processors took %.2f s (not counted)",
                (start - stopping) / 1e9));
        List<String> reset = sut.resetAllProcessors();
        double seconds = (untilEachAtHead(sut, head, start) - start) / 1e9;
        boolean match = Objects.equals(TenYearReport.ask(sut.queryGateway()), liveReport);
        run.figures().note("in-place replay: reset " + reset + "; rebuilt report " + (match ? "equals" : "DIFFERS FROM")
                + " the live one");
        Figures figures = run.figures();
        figures.put("inplace_replay_s", seconds, 2, "s", "in-place replay: reset until every processor is at the head");
        figures.put("inplace_replay_events_per_s", total / seconds, 1, "1/s",
                "in-place replay throughput (resetTokens(), the replay_events_per_s before issue 17)");
        figures.put("inplace_replay_match", match ? 1 : 0, 0, "", "1 when its ten-year report equals the live one");
        return total / seconds;
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
        StringBuilder each = new StringBuilder("in-place replay: each processor at the head after");
        finished.forEach((name, at) -> each.append(String.format(Locale.ROOT, " %s %.2f s;", name, (at - start) / 1e9)));
        run.figures().note(each.toString());
        return done;
    }

    private void put(SystemUnderTest sut, long total, double seconds, boolean match) {
        Figures figures = run.figures();
        figures.put("replay_events", total, 0, "", "events replayed into every read model"
                + (sut.onAxonServer() ? " (the whole context)" : ""));
        figures.put("replay_s", seconds, 2, "s", "admin rebuild of every read model: requests until the last switch");
        figures.put("replay_events_per_s", total / seconds, 1, "1/s",
                "admin rebuild throughput (stored events / replay_s, all read models together)");
        figures.put("replay_match", match ? 1 : 0, 0, "",
                "1 when every rebuilt read model holds what the live one held and the ten-year report is the same");
    }
}
