package kr.go.gg.training.bench;

import kr.go.gg.training.bench.baseline.CrudPeer;
import kr.go.gg.training.bench.report.Figures;
import kr.go.gg.training.bench.workload.CourseWalker;
import kr.go.gg.training.bench.workload.Load;

/**
 * The peer of workload 1 ({@code crud_ratio}): the same courses as a plain CRUD service does them with the MongoDB
 * driver on the same wire server, after a warm-up of its own by the same rule. Its collection is dropped afterwards.
 */
record CrudLoad(BenchRun run) {

    void measure(SystemUnderTest sut) {
        Figures figures = run.figures();
        CrudPeer peer = new CrudPeer(sut.mongoDatabase());
        peer.drop();
        Load.Walker walker = CourseWalker.of("CRUD", run.options().enrolments(), peer::handle);
        new WarmUpRounds(run).warmUp("crud_warmup", "the CRUD peer", walker, () -> { });
        run.progress("CRUD peer: " + run.options().courses() + " courses with the driver from "
                + run.options().clients() + " clients");
        CpuWindow cpu = CpuWindow.start();
        Load.Result crud = Load.run(0, run.options().courses(), run.options().clients(), walker);
        cpu.put(figures, "crud", "the CRUD peer's run");
        figures.put("crud_commands_per_s", crud.commandsPerSecond(), 1, "1/s", "CRUD peer throughput, same workload");
        figures.put("crud_p50_ms", crud.latencies().percentileMs(50), 2, "ms", "CRUD peer latency p50");
        figures.put("crud_p99_ms", crud.latencies().percentileMs(99), 2, "ms", "CRUD peer latency p99");
        figures.put("crud_ratio", figures.get("commands_per_s") / crud.commandsPerSecond(), 3, "",
                "commands_per_s / crud_commands_per_s");
        peer.drop();
    }
}
