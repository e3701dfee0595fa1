package kr.go.gg.training.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.api.course.CourseSummary;
import kr.go.gg.training.api.course.FindCourse;
import kr.go.gg.training.api.report.FindYearlyPerformance;
import kr.go.gg.training.api.report.YearlyPerformanceReport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;


/**
 * The benchmark of issue 6: the system against its limit and its peer, in one run, in this process, on the
 * embedded default. {@code java -jar course-bench.jar [--courses N]}; see {@link BenchOptions#usage()}.
 *
 * <ol>
 *   <li>start the system on a fresh data folder; warm up until steady ({@link Warmup}); workload 1 through the command gateway from 4 clients;
 *       projection lag; a smaller run over HTTP;</li>
 *   <li>stop, start again (the restart) and measure the data folder against the event payloads;</li>
 *   <li>replay every read model against a raw JDBC read of the event rows;</li>
 *   <li>the ten-year report through the query gateway against a raw driver {@code findOne} by {@code _id};</li>
 *   <li>raw durable JDBC appends of event-sized rows, and the CRUD peer, at the same concurrency.</li>
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

    static final Duration WAIT = Duration.ofMinutes(10);

    private final BenchOptions options;
    private final PrintStream out;
    private final Figures figures = new Figures();

    private CourseBench(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
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
        return new CourseBench(options, out).run();
    }

    private void progress(String message) {
        out.printf("[bench %6.1fs] %s%n", (System.nanoTime() - started) / 1e9, message);
        out.flush();
    }

    private long started;

    // ---------------------------------------------------------------- the production shape (--axonserver)

    /** This run's client id at Axon Server, unique per run. */
    private final String clientId = "course-bench-" + ProcessHandle.current().pid() + "-"
            + java.util.UUID.randomUUID().toString().substring(0, 8);
    /** The password of user staff under axonserver (the profile refuses the documented local ones). */
    private final String staffPassword = "bench-" + java.util.UUID.randomUUID();
    /** The read models' wire server under axonserver while the system runs; null otherwise. */
    private BenchMongo mongo;

    private boolean onAxonServer() {
        return options.onAxonServer();
    }

    private SystemUnderTest startSystem(Path dir) {
        if (!onAxonServer()) {
            return SystemUnderTest.start(dir, options.fixes());
        }
        mongo = BenchMongo.start(dir);
        try {
            return SystemUnderTest.start(dir, options.fixes(),
                    new SystemUnderTest.AxonServerTarget(options.axonServer(), clientId, mongo.uri(), staffPassword));
        } catch (RuntimeException e) {
            stopMongo();
            throw e;
        }
    }

    /** After the system has stopped: the wire server shuts down and compacts its file (as the embedded default's does). */
    private void stopMongo() {
        if (mongo != null) {
            try {
                mongo.close();
            } finally {
                mongo = null;
            }
        }
    }

    /** Events in the store: rows of the event table, or under Axon Server the context's head index + 1. */
    private static long storedEvents(SystemUnderTest sut, EventTable events) {
        return sut.onAxonServer() ? sut.headIndex() + 1 : events.count();
    }

    private static final String NO_EVENT_TABLE = "no H2 event table under Axon Server (the events are in its segment"
            + " files, shared with every earlier run and other applications)";
    private static final String NO_RAW_APPENDS = "raw appends would write copies into Axon Server SE's one context,"
            + " which cannot be emptied and which every later replay and every other application's read models read"
            + " (the audit log handles every event type); not measured";

    private String run() throws Exception {
        started = System.nanoTime();
        Path dir = options.dataDir() != null ? options.dataDir() : Files.createTempDirectory("course-bench-");
        Files.createDirectories(dir);
        if (options.dataDir() != null) {
            try (Stream<Path> files = Files.list(dir)) {
                if (files.findAny().isPresent()) {
                    throw new IllegalArgumentException("--data-dir " + dir + " is not empty; the bench needs a fresh folder");
                }
            }
        }
        int perCourse = CoursePlan.commandsPerCourse(options.enrolments());
        figures.note("data folder: " + dir.toAbsolutePath() + (options.keepData() ? " (kept)" : " (deleted afterwards)"));
        figures.note("fixes applied in the bench's wiring: " + (options.fixes().isEmpty() ? "none (the system as built)" : options.fixes()));
        figures.note(onAxonServer()
                ? "system: production shape, profile axonserver against Axon Server " + options.axonServer() + " (client id "
                        + clientId + "); read models in the bench's wire server on its H2 backend (readmodels.mv)"
                : "system: embedded default, profile standalone (events in H2, read models in the in-process wire server)");
        figures.note(String.format("workload: %d courses x %d commands (KOICA pipeline, schedule, %d enrolments, start,"
                        + " completion), %d clients; start dates spread over %d-%d",
                options.courses(), perCourse, options.enrolments(), options.clients(), CoursePlan.FIRST_YEAR,
                CoursePlan.LAST_YEAR));
        try {
            firstStart(dir);
            secondStart(dir);
        } finally {
            if (!options.keepData()) {
                deleteRecursively(dir);
            }
        }
        figures.put("total_s", (System.nanoTime() - started) / 1e9, 1, "s", "wall time of the whole run");
        goals();
        String line = figures.benchLine();
        out.print(figures.table());
        out.println(line);
        out.flush();
        return line;
    }

    // ---------------------------------------------------------------- first start: commands, lag, HTTP

    private long eventsOfWorkload;
    private long eventsBeforeWorkload;
    private double eventsPerSecond;
    private YearlyPerformanceReport liveReport;

    private void firstStart(Path dir) throws Exception {
        long t = System.nanoTime();
        progress("starting the system on " + dir + (onAxonServer() ? " against Axon Server " + options.axonServer() : ""));
        try (SystemUnderTest sut = startSystem(dir)) {
            figures.put("startup_s", (System.nanoTime() - t) / 1e9, 1, "s", "first start of the system (fresh folder)");
            EventTable events = sut.onAxonServer() ? null : new EventTable(sut.dataSource());
            CommandGateway gateway = sut.commandGateway();
            if (sut.onAxonServer()) {
                // the fresh read models first catch up with what the context already holds, before any workload
                long inStore = sut.headIndex() + 1;
                long catchUp = System.nanoTime();
                progress("the read models catch up with the " + inStore + " events already in Axon Server");
                sut.awaitProcessorsAt(inStore - 1, WAIT);
                figures.put("store_events_at_start", inStore, 0, "", "events in the Axon Server context before this run"
                        + " (earlier runs, other applications)");
                figures.put("startup_catchup_s", (System.nanoTime() - catchUp) / 1e9, 1, "s",
                        "fresh read models until at the head of the context, before the warm-up");
            }

            // each round ends with the read side caught up, as workload 1 begins
            warmUp("warmup", "the system through the gateway", gatewayWalker(gateway, "Warm-up", null),
                    () -> sut.awaitProcessorsAt(sut.headIndex(), WAIT));

            progress("workload 1: " + options.courses() + " courses through the command gateway from "
                    + options.clients() + " clients");
            long before = storedEvents(sut, events);
            eventsBeforeWorkload = before;
            double[] groupsBefore = sut.groupCommits();
            AtomicReference<LastAck> last = new AtomicReference<>();
            Load.Result commands = Load.run(0, options.courses(), options.clients(), gatewayWalker(gateway, "Bench", last));
            eventsOfWorkload = storedEvents(sut, events) - before;
            eventsPerSecond = eventsOfWorkload / commands.seconds();
            figures.put("courses", options.courses(), 0, "", "courses of workload 1");
            figures.put("commands", commands.commands(), 0, "", "commands of workload 1 (command gateway, sendAndWait)");
            figures.put("events", eventsOfWorkload, 0, "", "events appended by workload 1");
            figures.put("commands_per_s", commands.commandsPerSecond(), 1, "1/s", "workload 1 throughput");
            figures.put("events_per_s", eventsPerSecond, 1, "1/s", "events appended per second in workload 1");
            figures.put("cmd_p50_ms", commands.latencies().percentileMs(50), 2, "ms", "command latency p50");
            figures.put("cmd_p99_ms", commands.latencies().percentileMs(99), 2, "ms", "command latency p99");
            figures.put("cmd_max_ms", commands.latencies().percentileMs(100), 2, "ms", "command latency max");
            double[] groupsAfter = sut.groupCommits();
            double groups = groupsAfter[0] - groupsBefore[0];
            if (sut.onAxonServer()) {
                figures.notApplicable("cmd_group_mean", "no group commit under Axon Server (each command's unit of"
                        + " work appends its own events)");
            } else {
                figures.put("cmd_group_mean", groups <= 0 ? 1 : (groupsAfter[1] - groupsBefore[1]) / groups, 2, "",
                        "commands per event-store commit in workload 1 (group commit; 1 without it)");
            }

            // projection lag: every streaming processor has handled the newest event, and the last completed
            // course reads back COMPLETED through the query side
            long head = sut.headIndex();
            QueryGateway queries = sut.queryGateway();
            LastAck ack = last.get();
            long seen = SystemUnderTest.awaitNanos(() -> sut.allProcessorsAt(head) && courseCompleted(queries, ack.courseId()),
                    WAIT, 200, () -> System.err.println("bench: " + sut.describePositions()));
            figures.put("lag_ms", Math.max(0, seen - commands.lastAckNanos()) / 1e6, 1, "ms",
                    "last acknowledged command until every read model shows it");
            figures.put("processors", sut.streamingProcessors().size(), 0, "", "streaming event processors (read models)");
            figures.note("processors: " + String.join(", ", sut.streamingProcessors().keySet()));

            if (options.httpCourses() > 0) {
                progress("HTTP: " + options.httpCourses() + " courses over HTTP (Basic auth staff) from "
                        + options.clients() + " clients on port " + sut.port());
                String password = sut.onAxonServer() ? staffPassword : "staff-pass";
                HttpCommandClient warm = new HttpCommandClient(sut.port(), "staff", password);
                httpWalker(warm).walk(2_000_000, new Latencies());
                Load.Result http = Load.run(3_000_000, options.httpCourses(), options.clients(),
                        httpWalker(new HttpCommandClient(sut.port(), "staff", password)));
                figures.put("http_courses", options.httpCourses(), 0, "", "courses of the HTTP run");
                figures.put("http_commands_per_s", http.commandsPerSecond(), 1, "1/s", "HTTP run throughput");
                figures.put("http_p50_ms", http.latencies().percentileMs(50), 2, "ms", "HTTP command latency p50");
                figures.put("http_p99_ms", http.latencies().percentileMs(99), 2, "ms", "HTTP command latency p99");
            }
            sut.awaitProcessorsAt(sut.headIndex(), WAIT);
            liveReport = report(queries);
            figures.put("data_bytes_before_restart", folderBytes(dir), 0, "B", "data folder before the restart"
                    + (sut.onAxonServer() ? " (the read models only; the events are in Axon Server)" : ""));
            if (sut.onAxonServer()) {
                figures.notApplicable("events_db_bytes_before_restart", NO_EVENT_TABLE);
            } else {
                figures.put("events_db_bytes_before_restart", bytesMatching(dir, "events"), 0, "B",
                        "the event store's H2 file before the restart");
            }
            figures.put("readmodels_bytes_before_restart", bytesMatching(dir, "readmodels"), 0, "B",
                    "the wire server's H2 file before the restart");
            progress("stopping the system");
        } finally {
            stopMongo();
        }
        compactedReadModels(dir);
    }

    /**
     * What the wire server's file would be if it were compacted when the system stops (as the event store is, by
     * SHUTDOWN COMPACT): an offline compaction of a copy, for the disk figure's "after".
     */
    private void compactedReadModels(Path dir) throws IOException {
        Path file = dir.resolve("readmodels.mv");
        if (!Files.isRegularFile(file)) {
            return;
        }
        Path copy = Files.createTempFile("course-bench-readmodels-", ".mv");
        try {
            Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            long t = System.nanoTime();
            org.h2.mvstore.MVStoreTool.compact(copy.toString(), false);
            figures.put("readmodels_compacted_bytes", Files.size(copy), 0, "B",
                    "the wire server's file after an offline MVStore compaction of a copy");
            figures.put("readmodels_compact_s", (System.nanoTime() - t) / 1e9, 2, "s", "time of that compaction");
        } catch (RuntimeException e) {
            figures.note("readmodels compaction estimate failed: " + e);
        } finally {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(Path.of(copy + ".tempFile"));
            Files.deleteIfExists(Path.of(copy + ".newFile"));
        }
    }

    private record LastAck(CourseId courseId, long nanos) {
    }

    private Load.Walker gatewayWalker(CommandGateway gateway, String label, AtomicReference<LastAck> last) {
        return (index, latencies) -> {
            CourseId id = CourseId.random();
            List<Object> commands = CoursePlan.commands(label, index, id, options.enrolments());
            for (Object command : commands) {
                long start = System.nanoTime();
                gateway.sendAndWait(command);
                latencies.record(System.nanoTime() - start);
            }
            if (last != null) {
                LastAck ack = new LastAck(id, System.nanoTime());
                last.accumulateAndGet(ack, (a, b) -> a == null || b.nanos() > a.nanos() ? b : a);
            }
            return commands.size();
        };
    }

    private Load.Walker httpWalker(HttpCommandClient client) {
        return (index, latencies) -> {
            List<Object> commands = CoursePlan.commands("HTTP", index, CourseId.random(), options.enrolments());
            String courseId = null;
            for (Object command : commands) {
                long start = System.nanoTime();
                courseId = client.send(command, courseId);
                latencies.record(System.nanoTime() - start);
            }
            return commands.size();
        };
    }

    private boolean queryUnavailableNoted;

    private boolean courseCompleted(QueryGateway queries, CourseId id) {
        try {
            CourseSummary summary = queries.query(new FindCourse(id.value()), ResponseTypes.instanceOf(CourseSummary.class)).get();
            return summary != null && summary.status() == CourseStatus.COMPLETED;
        } catch (ExecutionException | RuntimeException e) {
            if (!queryUnavailableNoted) {
                queryUnavailableNoted = true;
                figures.note("lag: FindCourse failed (" + e + "); lag measured by processor positions only");
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static YearlyPerformanceReport report(QueryGateway queries) throws Exception {
        return queries.query(new FindYearlyPerformance(CoursePlan.FIRST_YEAR, CoursePlan.LAST_YEAR),
                ResponseTypes.instanceOf(YearlyPerformanceReport.class)).get();
    }

    // ---------------------------------------------------------------- warm-up

    /**
     * Warms up with {@code walker} (courses from index 1,000,000 on), running {@code afterRound} after each round:
     * {@code --warmup-courses N} is one round of N courses; by default rounds of
     * {@link BenchOptions#warmupRoundCourses} courses until the rate stops rising ({@link Warmup}). Puts
     * {@code <key>_courses} and notes the rate of every round.
     */
    private void warmUp(String key, String who, Load.Walker walker, Runnable afterRound) {
        int fixed = options.warmupCourses();
        if (fixed == 0) {
            figures.put(key + "_courses", 0, 0, "", "warm-up of " + who + ": none");
            return;
        }
        int size = fixed > 0 ? fixed : options.warmupRoundCourses();
        progress("warm-up of " + who + ": " + (fixed > 0 ? fixed + " courses"
                : "rounds of " + size + " courses until the rate stops rising"));
        Warmup.Result result = Warmup.untilSteady(fixed > 0 ? 1 : Warmup.MAX_ROUNDS, round -> {
            Load.Result courses = Load.run(1_000_000 + round * size, size, options.clients(), walker);
            afterRound.run();
            return courses.commandsPerSecond();
        });
        figures.put(key + "_courses", (double) result.rounds() * size, 0, "", "warm-up of " + who + ", in courses"
                + (fixed > 0 ? " (--warmup-courses)" : " (rounds of " + size + " until steady)"));
        figures.note("warm-up of " + who + ": " + result.rounds() + " round(s) of " + size + " courses at "
                + result.describe());
    }

    // ---------------------------------------------------------------- after the restart

    private void secondStart(Path dir) throws Exception {
        long t = System.nanoTime();
        progress("restarting the system on the same folder");
        try (SystemUnderTest sut = startSystem(dir)) {
            figures.put("restart_s", (System.nanoTime() - t) / 1e9, 1, "s", "second start (the restart)");
            EventTable events = sut.onAxonServer() ? null : new EventTable(sut.dataSource());
            sut.awaitProcessorsAt(sut.headIndex(), WAIT);
            if (sut.onAxonServer()) {
                diskOnAxonServer(dir, sut);
            } else {
                disk(dir, events);
            }
            replay(sut, events);
            query(sut);
            rawAppend(sut, events);
            commandsWithoutProjections(sut);
            crud(sut);
            progress("stopping the system");
        } finally {
            stopMongo();
        }
    }

    /**
     * Under Axon Server the data folder holds only the read models; the events are in Axon Server's files, which
     * hold every earlier run and other applications' events too (and are preallocated segments), so no ratio of this
     * run's disk to its payloads exists. The payloads are summed from a plain gRPC read of the whole context.
     */
    private void diskOnAxonServer(Path dir, SystemUnderTest sut) throws Exception {
        long head = sut.headIndex();
        AxonServerEvents.ReadResult all = AxonServerEvents.readAll(sut.axonServerConnections(), head, 1, null);
        figures.put("data_bytes", folderBytes(dir), 0, "B", "data folder after the workload and a restart (the read"
                + " models only)");
        figures.notApplicable("events_db_bytes", NO_EVENT_TABLE);
        figures.put("readmodels_bytes", bytesMatching(dir, "readmodels"), 0, "B", "the wire server's H2 file(s)");
        figures.put("stored_events", head + 1, 0, "", "events in the Axon Server context (this run's, earlier runs',"
                + " other applications')");
        figures.put("payload_bytes", all.payloadBytes(), 0, "B", "serialized payloads of every event in the context");
        figures.put("metadata_bytes", all.metaDataBytes(), 0, "B", "serialized metadata of every event in the context"
                + " (gRPC metadata values)");
        figures.notApplicable("disk_ratio", "the events are in Axon Server's preallocated segment files, shared with"
                + " every earlier run and other applications: no data folder of this run holds them");
        figures.notApplicable("disk_ratio_if_compacted", "as disk_ratio");
    }

    private void disk(Path dir, EventTable events) throws IOException {
        long folder = folderBytes(dir);
        long payload = events.payloadBytes();
        figures.put("data_bytes", folder, 0, "B", "data folder after the workload and a restart");
        figures.put("events_db_bytes", bytesMatching(dir, "events"), 0, "B", "the event store's H2 file(s)");
        figures.put("readmodels_bytes", bytesMatching(dir, "readmodels"), 0, "B", "the wire server's H2 file(s)");
        figures.put("stored_events", events.count(), 0, "", "event rows in the store (warm-up, workload 1, HTTP)");
        figures.put("payload_bytes", payload, 0, "B", "serialized event payloads stored");
        figures.put("metadata_bytes", events.metaDataBytes(), 0, "B", "serialized event metadata stored");
        figures.put("disk_ratio", payload == 0 ? 0 : (double) folder / payload, 2, "x", "data_bytes / payload_bytes");
        if (figures.has("readmodels_compacted_bytes")) {
            double compacted = bytesMatching(dir, "events") + figures.get("readmodels_compacted_bytes");
            figures.put("disk_ratio_if_compacted", payload == 0 ? 0 : compacted / payload, 2, "x",
                    "(events_db_bytes + readmodels_compacted_bytes) / payload_bytes");
        }
    }

    private void replay(SystemUnderTest sut, EventTable events) throws Exception {
        long total = storedEvents(sut, events);
        long head = sut.headIndex();
        if (sut.onAxonServer()) {
            figures.note("replay: reads the whole Axon Server context, " + total + " events, of which "
                    + (long) figures.get("store_events_at_start") + " were there before this run (earlier runs, other"
                    + " applications), not only this run's");
        }
        progress("replay: resetting every read model and rebuilding it from " + total + " events");
        long stopping = System.nanoTime();
        sut.stopAllProcessors();
        long start = System.nanoTime();
        figures.note(String.format("replay: stopping the processors took %.2f s (not counted)", (start - stopping) / 1e9));
        List<String> reset = sut.resetAllProcessors();
        java.util.Map<String, Long> finished = new java.util.TreeMap<>();
        long done = SystemUnderTest.awaitNanos(() -> {
            sut.streamingProcessors().forEach((name, processor) -> {
                if (!finished.containsKey(name) && sut.processorAt(processor, head)) {
                    finished.put(name, System.nanoTime());
                }
            });
            return finished.size() == sut.streamingProcessors().size();
        }, WAIT, 500, () -> System.err.println("bench: processors behind " + head + ": " + sut.describePositions()));
        StringBuilder each = new StringBuilder("replay: each processor at the head after");
        finished.forEach((name, at) -> each.append(String.format(java.util.Locale.ROOT, " %s %.2f s;", name, (at - start) / 1e9)));
        figures.note(each.toString());
        double seconds = (done - start) / 1e9;
        YearlyPerformanceReport rebuilt = report(sut.queryGateway());
        boolean match = Objects.equals(rebuilt, liveReport);
        figures.note("replay: reset " + reset + "; rebuilt report " + (match ? "equals" : "DIFFERS FROM") + " the live one");
        if (sut.onAxonServer()) {
            replayLimitsOnAxonServer(sut, head, total, seconds, match);
            return;
        }
        progress("raw JDBC read of the event rows");
        RawJdbc.ReadResult raw = RawJdbc.readAll(sut.dataSource(), events, 3);
        double replayRate = total / seconds;
        figures.put("replay_events", total, 0, "", "events replayed into every read model");
        figures.put("replay_s", seconds, 2, "s", "reset until every processor is at the head again");
        figures.put("replay_events_per_s", replayRate, 1, "1/s", "replay throughput (all read models together)");
        figures.put("replay_match", match ? 1 : 0, 0, "", "1 when the rebuilt ten-year report equals the live one");
        figures.put("raw_read_rows_per_s", raw.rowsPerSecond(), 1, "1/s", "plain JDBC read of every event row, best of 3");
        figures.put("replay_ratio", replayRate / raw.rowsPerSecond(), 4, "", "replay_events_per_s / raw_read_rows_per_s");
        // the floor under any replay: the same read with each payload and metadata deserialised, no handler at all
        RawJdbc.ReadResult deserialized = RawJdbc.readAll(sut.dataSource(), events, 3, sut.eventSerializer());
        figures.put("raw_deserialize_rows_per_s", deserialized.rowsPerSecond(), 1, "1/s",
                "diagnostic: the raw read with Axon's serializer on every payload and metadata, best of 3");
        figures.put("replay_ratio_ceiling", deserialized.rowsPerSecond() / raw.rowsPerSecond(), 4, "",
                "diagnostic: raw_deserialize_rows_per_s / raw_read_rows_per_s (what a replay doing nothing else reaches)");
    }

    /**
     * The replay's limit under Axon Server: the corresponding plain read, every event of the context through the
     * connector's gRPC event stream (no event store, processor or handler), best of 3; and the same with Axon's
     * serializer on every payload and metadata (the ceiling).
     */
    private void replayLimitsOnAxonServer(SystemUnderTest sut, long head, long total, double seconds, boolean match)
            throws Exception {
        progress("raw gRPC read of every event of the Axon Server context");
        AxonServerEvents.ReadResult raw = AxonServerEvents.readAll(sut.axonServerConnections(), head, 3, null);
        double replayRate = total / seconds;
        figures.put("replay_events", total, 0, "", "events replayed into every read model (the whole context)");
        figures.put("replay_s", seconds, 2, "s", "reset until every processor is at the head again");
        figures.put("replay_events_per_s", replayRate, 1, "1/s", "replay throughput (all read models together)");
        figures.put("replay_match", match ? 1 : 0, 0, "", "1 when the rebuilt ten-year report equals the live one");
        figures.put("raw_read_rows_per_s", raw.eventsPerSecond(), 1, "1/s", "plain gRPC read of every event of the"
                + " context (connector EventChannel.openStream, no deserialisation), best of 3");
        figures.put("replay_ratio", replayRate / raw.eventsPerSecond(), 4, "", "replay_events_per_s / raw_read_rows_per_s");
        AxonServerEvents.ReadResult deserialized = AxonServerEvents.readAll(sut.axonServerConnections(), head, 3,
                sut.eventSerializer());
        figures.put("raw_deserialize_rows_per_s", deserialized.eventsPerSecond(), 1, "1/s",
                "diagnostic: the raw gRPC read with Axon's serializer on every payload and metadata, best of 3");
        figures.put("replay_ratio_ceiling", deserialized.eventsPerSecond() / raw.eventsPerSecond(), 4, "",
                "diagnostic: raw_deserialize_rows_per_s / raw_read_rows_per_s (what a replay doing nothing else reaches)");
        if (deserialized.undeserialisable() > 0) {
            figures.note("raw read: " + deserialized.undeserialisable() + " of " + deserialized.events()
                    + " events could not be deserialised without upcasters (other applications' or older shapes)");
        }
    }

    private void query(SystemUnderTest sut) throws Exception {
        int n = options.queries();
        int warmup = Math.max(10, n / 5);
        QueryGateway queries = sut.queryGateway();
        MongoDatabase database = sut.mongoDatabase();
        String collection = largestReadModel(database);
        MongoCollection<Document> documents = database.getCollection(collection);
        List<Object> ids = new ArrayList<>();
        for (Document d : documents.find().projection(Projections.include("_id")).limit(1000)) {
            ids.add(d.get("_id"));
        }
        progress("dashboard query: the ten-year report " + n + " times through the query gateway, interleaved with "
                + n + " raw driver findOne by _id on '" + collection + "'");
        YearlyPerformanceReport report = null;
        for (int i = 0; i < warmup; i++) {
            report = report(queries);
            documents.find(Filters.eq("_id", ids.get(i % ids.size()))).first();
        }
        // interleaved, so both see the same noise of this shared machine
        Latencies latencies = new Latencies();
        Latencies findOne = new Latencies();
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            report = report(queries);
            latencies.record(System.nanoTime() - start);
            Object id = ids.get(i % ids.size());
            start = System.nanoTime();
            Document found = documents.find(Filters.eq("_id", id)).first();
            findOne.record(System.nanoTime() - start);
            if (found == null) {
                throw new IllegalStateException("findOne found no document " + id);
            }
        }
        int years = report == null ? 0 : report.years().size();
        int rows = report == null ? 0 : report.years().stream().mapToInt(y -> y.groups().stream().mapToInt(g -> g.rows().size()).sum()).sum();
        figures.put("query_years", years, 0, "", "years in the report answer");
        figures.put("query_rows", rows, 0, "", "course rows in the report answer");
        figures.put("query_p50_ms", latencies.percentileMs(50), 3, "ms", "ten-year report via the query gateway, p50");
        figures.put("query_p99_ms", latencies.percentileMs(99), 3, "ms", "ten-year report via the query gateway, p99");
        figures.put("findone_p50_ms", findOne.percentileMs(50), 3, "ms", "raw driver findOne by _id, p50");
        figures.put("findone_p99_ms", findOne.percentileMs(99), 3, "ms", "raw driver findOne by _id, p99");
        figures.put("query_ratio", latencies.percentileMs(99) / findOne.percentileMs(99), 2, "",
                "query_p99_ms / findone_p99_ms");
        figures.note("findOne baseline collection: " + collection + " (" + ids.size() + " ids)");
    }

    private static String largestReadModel(MongoDatabase database) {
        String best = null;
        long bestCount = -1;
        for (String name : database.listCollectionNames()) {
            if (name.startsWith("bench_") || name.startsWith("system.") || name.toLowerCase().contains("token")) {
                continue;
            }
            long count = database.getCollection(name).countDocuments();
            if (count > bestCount) {
                best = name;
                bestCount = count;
            }
        }
        if (best == null || bestCount <= 0) {
            throw new IllegalStateException("no read-model collection with documents for the findOne baseline");
        }
        return best;
    }

    private void rawAppend(SystemUnderTest sut, EventTable events) throws Exception {
        if (sut.onAxonServer()) {
            figures.notApplicable("raw_prefilled_rows", NO_EVENT_TABLE);
            figures.notApplicable("raw_appends_per_s", NO_EVENT_TABLE + "; " + NO_RAW_APPENDS);
            figures.notApplicable("raw_append_p99_ms", "as raw_appends_per_s");
            figures.notApplicable("append_ratio", "no raw-append limit (raw_appends_per_s)");
            return;
        }
        long rows = options.rawAppendRows() > 0 ? options.rawAppendRows() : Math.min(Math.max(eventsOfWorkload, 100), 30_000);
        progress("raw JDBC: " + rows + " durable single-row inserts of event-sized rows from " + options.clients() + " clients");
        List<EventTable.Row> samples = events.sample(2000);
        int perCourse = CoursePlan.commandsPerCourse(options.enrolments());
        // the table holds as many rows as the event table held when workload 1 began (copies of them), so the
        // limit's inserts meet the same B-tree sizes as the system's appends did
        RawJdbc.createAppendTable(sut.dataSource());
        RawJdbc.copyEventRows(sut.dataSource(), events, eventsBeforeWorkload);
        figures.put("raw_prefilled_rows", eventsBeforeWorkload, 0, "", "rows in the raw table before its inserts"
                + " (as many as the event table held when workload 1 began)");
        RawJdbc.AppendResult raw = RawJdbc.insert(sut.dataSource(), samples, rows, options.clients(), perCourse);
        RawJdbc.dropAppendTable(sut.dataSource());
        figures.put("raw_appends_per_s", raw.rowsPerSecond(), 1, "1/s", "plain JDBC durable inserts, same file and settings");
        figures.put("raw_append_p99_ms", raw.latencies().percentileMs(99), 2, "ms", "raw insert latency p99");
        figures.put("append_ratio", eventsPerSecond / raw.rowsPerSecond(), 3, "", "events_per_s / raw_appends_per_s");
    }

    /**
     * A diagnostic beside workload 1: the same commands with every streaming processor stopped, on the same file
     * state as the raw appends (after the restart). Its gap to commands_per_s is the projections' share of the CPU.
     */
    private void commandsWithoutProjections(SystemUnderTest sut) {
        int courses = Math.max(1, options.courses() / 5);
        progress("commands with the projections stopped: " + courses + " courses through the gateway");
        sut.stopAllProcessors();
        Load.Result solo = Load.run(4_000_000, courses, options.clients(), gatewayWalker(sut.commandGateway(), "Solo", null));
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
        sut.awaitProcessorsAt(sut.headIndex(), WAIT);
    }

    private void crud(SystemUnderTest sut) {
        CrudPeer peer = new CrudPeer(sut.mongoDatabase());
        peer.drop();
        warmUp("crud_warmup", "the CRUD peer", crudWalker(peer), () -> { });
        progress("CRUD peer: " + options.courses() + " courses with the driver from " + options.clients() + " clients");
        Load.Result crud = Load.run(0, options.courses(), options.clients(), crudWalker(peer));
        figures.put("crud_commands_per_s", crud.commandsPerSecond(), 1, "1/s", "CRUD peer throughput, same workload");
        figures.put("crud_p50_ms", crud.latencies().percentileMs(50), 2, "ms", "CRUD peer latency p50");
        figures.put("crud_p99_ms", crud.latencies().percentileMs(99), 2, "ms", "CRUD peer latency p99");
        figures.put("crud_ratio", figures.get("commands_per_s") / crud.commandsPerSecond(), 3, "",
                "commands_per_s / crud_commands_per_s");
        peer.drop();
    }

    private Load.Walker crudWalker(CrudPeer peer) {
        return (index, latencies) -> {
            List<Object> commands = CoursePlan.commands("CRUD", index, CourseId.random(), options.enrolments());
            for (Object command : commands) {
                long start = System.nanoTime();
                peer.handle(command);
                latencies.record(System.nanoTime() - start);
            }
            return commands.size();
        };
    }

    // ---------------------------------------------------------------- goals and files

    private void goals() {
        goal("crud_ratio", ">=", 1.0);
        goal("append_ratio", ">=", 0.5);
        goal("replay_ratio", ">=", 0.1);
        goal("query_ratio", "<=", 3);
        goal("disk_ratio", "<=", 5);
    }

    private void goal(String key, String op, double target) {
        if (!figures.has(key)) {
            if (figures.isNotApplicable(key)) {
                figures.note(String.format(java.util.Locale.ROOT, "goal %-13s %s %-4s : n/a", key, op, fmt(target)));
            }
            return;
        }
        double value = figures.get(key);
        boolean met = op.equals(">=") ? value >= target : value <= target;
        figures.note(String.format(java.util.Locale.ROOT, "goal %-13s %s %-4s : %-8s (%.4f)", key, op, fmt(target),
                met ? "met" : "MISSED", value));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    static long folderBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            AtomicLong total = new AtomicLong();
            files.filter(Files::isRegularFile).forEach(f -> {
                try {
                    total.addAndGet(Files.size(f));
                } catch (IOException e) {
                    // a file removed while walking (H2 temp files) counts as gone
                }
            });
            return total.get();
        }
    }

    private static long bytesMatching(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().startsWith(prefix))
                    .mapToLong(f -> {
                        try {
                            return Files.size(f);
                        } catch (IOException e) {
                            return 0;
                        }
                    }).sum();
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("bench: could not delete " + dir + ": " + e);
        }
    }
}
