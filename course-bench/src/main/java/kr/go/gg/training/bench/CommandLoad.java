package kr.go.gg.training.bench;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.axonframework.commandhandling.gateway.CommandGateway;

import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.bench.baseline.EventTable;
import kr.go.gg.training.bench.report.Figures;
import kr.go.gg.training.bench.workload.CoursePlan;
import kr.go.gg.training.bench.workload.CourseWalker;
import kr.go.gg.training.bench.workload.Load;

/**
 * Workload 1: N courses through the command gateway from the options' clients; throughput, latencies and the
 * commands per event-store commit (group commit).
 */
record CommandLoad(BenchRun run) {

    /**
     * @param eventsBefore events in the store when workload 1 began
     * @param events       events workload 1 appended
     * @param lastCourse   the course whose last command was acknowledged last
     */
    record Result(Load.Result commands, long eventsBefore, long events, double eventsPerSecond, CourseId lastCourse) {
    }

    private record LastAck(CourseId courseId, long nanos) {
    }

    Result measure(SystemUnderTest sut, EventTable events) {
        run.progress("workload 1: " + run.options().courses() + " courses through the command gateway from "
                + run.options().clients() + " clients");
        long before = sut.storedEvents(events);
        double[] groupsBefore = sut.groupCommits();
        AtomicReference<LastAck> last = new AtomicReference<>();
        AtomicInteger walked = new AtomicInteger();
        AtomicLong defaultSizeWalked = new AtomicLong();
        long start = System.nanoTime();
        CpuWindow cpu = CpuWindow.start();
        Load.Result commands = Load.run(0, run.options().courses(), run.options().clients(),
                walker(sut.commandGateway(), last, walked, defaultSizeWalked));
        cpu.put(run.figures(), "cmd", "workload 1");
        long appended = sut.storedEvents(events) - before;
        Result result = new Result(commands, before, appended, appended / commands.seconds(), last.get().courseId());
        put(result);
        sizeRatio(start, defaultSizeWalked.get(), commands);
        groupCommits(sut, groupsBefore);
        return result;
    }

    /** {@code defaultSizeWalked}: set when the default size's number of courses has been walked. */
    private Load.Walker walker(CommandGateway gateway, AtomicReference<LastAck> last, AtomicInteger walked,
                               AtomicLong defaultSizeWalked) {
        return CourseWalker.of("Bench", run.options().enrolments(), () -> gateway::sendAndWait, id -> {
            LastAck ack = new LastAck(id, System.nanoTime());
            last.accumulateAndGet(ack, (a, b) -> a == null || b.nanos() > a.nanos() ? b : a);
            if (walked.incrementAndGet() == BenchOptions.DEFAULT_COURSES) {
                defaultSizeWalked.set(ack.nanos());
            }
        });
    }

    /**
     * Issue 17: whether a command costs more as the store grows. In a run larger than the default size, the rate of
     * the courses after the first {@link BenchOptions#DEFAULT_COURSES} against the rate of those first ones (the
     * default size), in the same run, so both see the same noise.
     */
    private void sizeRatio(long start, long defaultSizeWalked, Load.Result commands) {
        int courses = run.options().courses();
        if (courses <= BenchOptions.DEFAULT_COURSES || defaultSizeWalked == 0) {
            run.figures().notApplicable("commands_size_ratio", "a run of the default size or less (--courses > "
                    + BenchOptions.DEFAULT_COURSES + ")");
            return;
        }
        int perCourse = CoursePlan.commandsPerCourse(run.options().enrolments());
        double first = BenchOptions.DEFAULT_COURSES * perCourse / ((defaultSizeWalked - start) / 1e9);
        double rest = (double) (courses - BenchOptions.DEFAULT_COURSES) * perCourse
                / ((commands.lastAckNanos() - defaultSizeWalked) / 1e9);
        run.figures().put("commands_per_s_first_courses", first, 1, "1/s",
                "commands/s over the first " + BenchOptions.DEFAULT_COURSES + " courses of workload 1 (the default size)");
        run.figures().put("commands_size_ratio", rest / first, 3, "",
                "commands/s over the courses after those / commands_per_s_first_courses");
    }

    private void put(Result result) {
        Figures figures = run.figures();
        Load.Result commands = result.commands();
        figures.put("courses", run.options().courses(), 0, "", "courses of workload 1");
        figures.put("commands", commands.commands(), 0, "", "commands of workload 1 (command gateway, sendAndWait)");
        figures.put("events", result.events(), 0, "", "events appended by workload 1");
        figures.put("commands_per_s", commands.commandsPerSecond(), 1, "1/s", "workload 1 throughput");
        figures.put("events_per_s", result.eventsPerSecond(), 1, "1/s", "events appended per second in workload 1");
        figures.put("cmd_p50_ms", commands.latencies().percentileMs(50), 2, "ms", "command latency p50");
        figures.put("cmd_p99_ms", commands.latencies().percentileMs(99), 2, "ms", "command latency p99");
        figures.put("cmd_max_ms", commands.latencies().percentileMs(100), 2, "ms", "command latency max");
    }

    private void groupCommits(SystemUnderTest sut, double[] groupsBefore) {
        double[] groupsAfter = sut.groupCommits();
        double groups = groupsAfter[0] - groupsBefore[0];
        if (sut.onAxonServer()) {
            run.figures().notApplicable("cmd_group_mean", "no group commit under Axon Server (each command's unit of"
                    + " work appends its own events)");
        } else {
            run.figures().put("cmd_group_mean", groups <= 0 ? 1 : (groupsAfter[1] - groupsBefore[1]) / groups, 2, "",
                    "commands per event-store commit in workload 1 (group commit; 1 without it)");
        }
    }
}
