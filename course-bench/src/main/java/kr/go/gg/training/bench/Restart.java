package kr.go.gg.training.bench;

import java.nio.file.Path;

import kr.go.gg.training.bench.baseline.EventTable;

/**
 * The second start, on the same folder (the restart): the disk, the replay, the dashboard query, the raw appends,
 * the solo diagnostic and the CRUD peer, in that order, so the baselines never count in the disk figure.
 */
record Restart(BenchRun run) {

    void measure(Path dir, FirstStart.Result first) throws Exception {
        long t = System.nanoTime();
        run.progress("restarting the system on the same folder");
        try (SystemUnderTest sut = run.system().start(dir)) {
            run.figures().put("restart_s", (System.nanoTime() - t) / 1e9, 1, "s", "second start (the restart)");
            EventTable events = sut.onAxonServer() ? null : new EventTable(sut.dataSource());
            sut.awaitProcessorsAt(sut.headIndex(), SystemUnderTest.WAIT);
            if (sut.onAxonServer()) {
                new DiskUsage(run).afterRestartOnAxonServer(dir, sut);
            } else {
                new DiskUsage(run).afterRestart(dir, events);
            }
            new Replay(run).measure(sut, events, first.liveReport());
            new QueryLoad(run).measure(sut);
            new RawAppends(run).measure(sut, events, first.workload());
            new SoloCommands(run).measure(sut);
            new CrudLoad(run).measure(sut);
            run.progress("stopping the system");
        } finally {
            run.system().stopMongo();
        }
    }
}
