package kr.go.gg.training.bench;

import java.io.PrintStream;
import java.nio.file.Path;

import kr.go.gg.training.bench.report.Figures;
import kr.go.gg.training.bench.report.Goals;
import kr.go.gg.training.bench.workload.CoursePlan;

/**
 * The benchmark of issue 6: the system against its limit and its peer, in one run, in this process, on the
 * embedded default. {@code java -jar course-bench.jar [--courses N]}; see {@link BenchOptions#usage()}.
 *
 * <ol>
 *   <li>{@link FirstStart}: start the system on a fresh data folder; warm up until steady ({@link WarmUpRounds});
 *       workload 1 through the command gateway from 4 clients ({@link CommandLoad}); {@link ProjectionLag}; a
 *       smaller run over HTTP ({@link HttpLoad});</li>
 *   <li>{@link Restart}: stop, start again and measure the data folder against the event payloads ({@link DiskUsage});</li>
 *   <li>replay every read model ({@link Replay}) against a raw read of the event rows ({@link ReplayLimit});</li>
 *   <li>the ten-year report through the query gateway against a raw driver {@code findOne} by {@code _id}
 *       ({@link QueryLoad});</li>
 *   <li>raw durable JDBC appends of event-sized rows ({@link RawAppends}), the commands with the projections
 *       stopped ({@link SoloCommands}), and the CRUD peer ({@link CrudLoad}), at the same concurrency.</li>
 * </ol>
 * Prints a table, then as the very last line {@code bench: key=value ...}.
 * <p>
 * With {@code --axonserver HOST:PORT} the same workloads run in the production shape (profile {@code axonserver};
 * the read models in a wire server the bench starts, {@link BenchMongo}). Events accumulate in Axon Server across
 * runs, so every workload uses fresh ids and counts only the events it appended (global indexes); the replay and
 * the raw read cover the whole context, which the output says. Figures whose limit or peer cannot exist there (the
 * H2 event table: raw appends, the event file's bytes) are printed as {@code n/a} with the reason.
 */
public final class CourseBench {

    private final BenchRun run;

    private CourseBench(BenchOptions options, PrintStream out) {
        this.run = new BenchRun(options, new Figures(), new Progress(out), new SystemStarter(options));
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run(System.out, args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            status = 2;
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    /** Runs the benchmark; prints progress, the table and the {@code bench:} line to {@code out}, returns the line. */
    public static String run(PrintStream out, String... args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        return new CourseBench(options, out).run(out);
    }

    private String run(PrintStream out) throws Exception {
        BenchOptions options = run.options();
        Path dir = DataFolder.fresh(options);
        describe(dir);
        try {
            FirstStart.Result first = new FirstStart(run).measure(dir);
            new Restart(run).measure(dir, first);
        } finally {
            if (!options.keepData()) {
                DataFolder.delete(dir);
            }
        }
        Figures figures = run.figures();
        figures.put("total_s", run.progress().seconds(), 1, "s", "wall time of the whole run");
        Goals.note(figures);
        String line = figures.benchLine();
        out.print(figures.table());
        out.println(line);
        out.flush();
        return line;
    }

    /** The notes that say what this run measures: folder, fixes, the system's shape and the workload. */
    private void describe(Path dir) {
        BenchOptions options = run.options();
        Figures figures = run.figures();
        figures.note("data folder: " + dir.toAbsolutePath() + (options.keepData() ? " (kept)" : " (deleted afterwards)"));
        figures.note("fixes applied in the bench's wiring: " + (options.fixes().isEmpty() ? "none (the system as built)" : options.fixes()));
        figures.note(options.onAxonServer()
                ? "system: production shape, profile axonserver against Axon Server " + options.axonServer() + " (client id "
                        + run.system().clientId() + "); read models in the bench's wire server on its H2 backend (readmodels.mv)"
                : "system: embedded default, profile standalone (events in H2, read models in the in-process wire server)");
        figures.note(String.format("workload: %d courses x %d commands (KOICA pipeline, schedule, %d enrolments, start,"
                        + " completion), %d clients; start dates spread over %d-%d",
                options.courses(), CoursePlan.commandsPerCourse(options.enrolments()), options.enrolments(),
                options.clients(), CoursePlan.FIRST_YEAR, CoursePlan.LAST_YEAR));
    }
}
