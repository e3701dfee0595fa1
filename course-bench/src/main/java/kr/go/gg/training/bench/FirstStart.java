package kr.go.gg.training.bench;

import java.nio.file.Path;

import org.axonframework.commandhandling.gateway.CommandGateway;

import kr.go.gg.training.api.report.YearlyPerformanceReport;
import kr.go.gg.training.bench.baseline.EventTable;
import kr.go.gg.training.bench.workload.CourseWalker;

/**
 * The first start, on a fresh folder: the start-up (and under Axon Server the catch-up with the context), the
 * warm-up, workload 1, the projection lag, the HTTP run, the folder before the restart; after the stop, the
 * compaction estimate of the read models' file.
 */
record FirstStart(BenchRun run) {

    /** What the phases after the restart compare with: workload 1 and the live ten-year report. */
    record Result(CommandLoad.Result workload, YearlyPerformanceReport liveReport) {
    }

    Result measure(Path dir) throws Exception {
        long t = System.nanoTime();
        run.progress("starting the system on " + dir + (run.onAxonServer() ? " against Axon Server "
                + run.options().axonServer() : ""));
        Result result;
        try (SystemUnderTest sut = run.system().start(dir)) {
            run.figures().put("startup_s", (System.nanoTime() - t) / 1e9, 1, "s", "first start of the system (fresh folder)");
            result = measure(dir, sut);
            run.progress("stopping the system");
        } finally {
            run.system().stopMongo();
        }
        new DiskUsage(run).compactedReadModels(dir);
        return result;
    }

    private Result measure(Path dir, SystemUnderTest sut) throws Exception {
        EventTable events = sut.onAxonServer() ? null : new EventTable(sut.dataSource());
        if (sut.onAxonServer()) {
            catchUp(sut);
        }
        CommandGateway gateway = sut.commandGateway();
        // each round ends with the read side caught up, as workload 1 begins
        new WarmUpRounds(run).warmUp("warmup", "the system through the gateway",
                CourseWalker.of("Warm-up", run.options().enrolments(), gateway::sendAndWait),
                () -> sut.awaitProcessorsAt(sut.headIndex(), SystemUnderTest.WAIT));
        CommandLoad.Result workload = new CommandLoad(run).measure(sut, events);
        new ProjectionLag(run).measure(sut, workload);
        new HttpLoad(run).measure(sut);
        sut.awaitProcessorsAt(sut.headIndex(), SystemUnderTest.WAIT);
        YearlyPerformanceReport live = TenYearReport.ask(sut.queryGateway());
        new DiskUsage(run).beforeRestart(dir, sut);
        return new Result(workload, live);
    }

    /** Under Axon Server the fresh read models first catch up with what the context already holds. */
    private void catchUp(SystemUnderTest sut) {
        long inStore = sut.headIndex() + 1;
        long catchUp = System.nanoTime();
        run.progress("the read models catch up with the " + inStore + " events already in Axon Server");
        sut.awaitProcessorsAt(inStore - 1, SystemUnderTest.WAIT);
        run.figures().put("store_events_at_start", inStore, 0, "", "events in the Axon Server context before this run"
                + " (earlier runs, other applications)");
        run.figures().put("startup_catchup_s", (System.nanoTime() - catchUp) / 1e9, 1, "s",
                "fresh read models until at the head of the context, before the warm-up");
    }
}
