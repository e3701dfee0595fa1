package kr.go.gg.training.bench;

import java.util.List;

import kr.go.gg.training.bench.baseline.EventTable;
import kr.go.gg.training.bench.baseline.RawJdbc;
import kr.go.gg.training.bench.report.Figures;
import kr.go.gg.training.bench.workload.CoursePlan;

/**
 * The limit of workload 1 ({@code append_ratio}): plain JDBC durable single-row inserts of copies of stored event
 * rows into a twin of the event table, in the same H2 file, from the same number of clients. Not under Axon Server.
 */
record RawAppends(BenchRun run) {

    private static final String NO_RAW_APPENDS = "raw appends would write copies into Axon Server SE's one context,"
            + " which cannot be emptied and which every later replay and every other application's read models read"
            + " (the audit log handles every event type); not measured";

    void measure(SystemUnderTest sut, EventTable events, CommandLoad.Result workload) throws Exception {
        Figures figures = run.figures();
        if (sut.onAxonServer()) {
            figures.notApplicable("raw_prefilled_rows", DiskUsage.NO_EVENT_TABLE);
            figures.notApplicable("raw_appends_per_s", DiskUsage.NO_EVENT_TABLE + "; " + NO_RAW_APPENDS);
            figures.notApplicable("raw_append_p99_ms", "as raw_appends_per_s");
            figures.notApplicable("append_ratio", "no raw-append limit (raw_appends_per_s)");
            return;
        }
        int clients = run.options().clients();
        long rows = run.options().rawAppendRows() > 0 ? run.options().rawAppendRows()
                : Math.min(Math.max(workload.events(), 100), 30_000);
        run.progress("raw JDBC: " + rows + " durable single-row inserts of event-sized rows from " + clients + " clients");
        List<EventTable.Row> samples = events.sample(2000);
        // the table holds as many rows as the event table held when workload 1 began (copies of them), so the
        // limit's inserts meet the same B-tree sizes as the system's appends did
        RawJdbc.createAppendTable(sut.dataSource());
        RawJdbc.copyEventRows(sut.dataSource(), events, workload.eventsBefore());
        figures.put("raw_prefilled_rows", workload.eventsBefore(), 0, "", "rows in the raw table before its inserts"
                + " (as many as the event table held when workload 1 began)");
        RawJdbc.AppendResult raw = RawJdbc.insert(sut.dataSource(), samples, rows, clients,
                CoursePlan.commandsPerCourse(run.options().enrolments()));
        RawJdbc.dropAppendTable(sut.dataSource());
        figures.put("raw_appends_per_s", raw.rowsPerSecond(), 1, "1/s", "plain JDBC durable inserts, same file and settings");
        figures.put("raw_append_p99_ms", raw.latencies().percentileMs(99), 2, "ms", "raw insert latency p99");
        figures.put("append_ratio", workload.eventsPerSecond() / raw.rowsPerSecond(), 3, "",
                "events_per_s / raw_appends_per_s");
    }
}
