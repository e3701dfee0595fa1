package kr.go.gg.training.bench;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.StreamingEventProcessor;

import kr.go.gg.training.bench.report.Figures;
import kr.go.gg.training.bench.workload.CourseWalker;
import kr.go.gg.training.bench.workload.Load;

/**
 * A diagnostic beside workload 1: the same commands with every streaming processor stopped, on the same file
 * state as the raw appends (after the restart). Its gap to commands_per_s is the projections' share of the CPU.
 */
record SoloCommands(BenchRun run) {

    void measure(SystemUnderTest sut) {
        Figures figures = run.figures();
        int courses = Math.max(1, run.options().courses() / 5);
        run.progress("commands with the projections stopped: " + courses + " courses through the gateway");
        sut.stopAllProcessors();
        CommandGateway gateway = sut.commandGateway();
        Load.Result solo = Load.run(4_000_000, courses, run.options().clients(),
                CourseWalker.of("Solo", run.options().enrolments(), gateway::sendAndWait));
        sut.streamingProcessors().values().forEach(StreamingEventProcessor::start);
        figures.put("solo_commands_per_s", solo.commandsPerSecond(), 1, "1/s",
                "diagnostic: " + courses + " courses with every processor stopped");
        figures.put("solo_cmd_p99_ms", solo.latencies().percentileMs(99), 2, "ms", "diagnostic: their latency p99");
        if (figures.has("raw_appends_per_s")) {
            figures.put("solo_append_ratio", solo.commandsPerSecond() / figures.get("raw_appends_per_s"), 3, "",
                    "diagnostic: solo_commands_per_s / raw_appends_per_s");
        } else {
            figures.notApplicable("solo_append_ratio", "no raw-append limit (raw_appends_per_s)");
        }
        sut.awaitProcessorsAt(sut.headIndex(), SystemUnderTest.WAIT);
    }
}
