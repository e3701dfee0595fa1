package kr.go.gg.training.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.h2.mvstore.MVStoreTool;

import kr.go.gg.training.bench.baseline.AxonServerEvents;
import kr.go.gg.training.bench.baseline.EventTable;
import kr.go.gg.training.bench.report.Figures;

/**
 * Workload 5, the disk: the data folder before the restart, what the wire server's file would be compacted, and
 * after the restart the folder against the bytes of the stored payloads ({@code disk_ratio}).
 */
record DiskUsage(BenchRun run) {

    static final String NO_EVENT_TABLE = "no H2 event table under Axon Server (the events are in its segment"
            + " files, shared with every earlier run and other applications)";

    void beforeRestart(Path dir, SystemUnderTest sut) throws IOException {
        Figures figures = run.figures();
        figures.put("data_bytes_before_restart", DataFolder.bytes(dir), 0, "B", "data folder before the restart"
                + (sut.onAxonServer() ? " (the read models only; the events are in Axon Server)" : ""));
        if (sut.onAxonServer()) {
            figures.notApplicable("events_db_bytes_before_restart", NO_EVENT_TABLE);
        } else {
            figures.put("events_db_bytes_before_restart", DataFolder.bytesMatching(dir, "events"), 0, "B",
                    "the event store's H2 file before the restart");
        }
        figures.put("readmodels_bytes_before_restart", DataFolder.bytesMatching(dir, "readmodels"), 0, "B",
                "the wire server's H2 file before the restart");
    }

    /**
     * What the wire server's file would be if it were compacted when the system stops (as the event store is, by
     * SHUTDOWN COMPACT): an offline compaction of a copy, for the disk figure's "after".
     */
    void compactedReadModels(Path dir) throws IOException {
        Path file = dir.resolve("readmodels.mv");
        if (!Files.isRegularFile(file)) {
            return;
        }
        Path copy = Files.createTempFile("course-bench-readmodels-", ".mv");
        try {
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            long t = System.nanoTime();
            MVStoreTool.compact(copy.toString(), true);
            run.figures().put("readmodels_compacted_bytes", Files.size(copy), 0, "B",
                    "the wire server's file after an offline MVStore compaction of a copy");
            run.figures().put("readmodels_compact_s", (System.nanoTime() - t) / 1e9, 2, "s", "time of that compaction");
        } catch (RuntimeException e) {
            run.figures().note("readmodels compaction estimate failed: " + e);
        } finally {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(Path.of(copy + ".tempFile"));
            Files.deleteIfExists(Path.of(copy + ".newFile"));
        }
    }

    void afterRestart(Path dir, EventTable events) throws IOException {
        Figures figures = run.figures();
        long folder = DataFolder.bytes(dir);
        long payload = events.payloadBytes();
        figures.put("data_bytes", folder, 0, "B", "data folder after the workload and a restart");
        figures.put("events_db_bytes", DataFolder.bytesMatching(dir, "events"), 0, "B", "the event store's H2 file(s)");
        figures.put("readmodels_bytes", DataFolder.bytesMatching(dir, "readmodels"), 0, "B", "the wire server's H2 file(s)");
        figures.put("stored_events", events.count(), 0, "", "event rows in the store (warm-up, workload 1, HTTP)");
        figures.put("payload_bytes", payload, 0, "B", "serialized event payloads stored");
        figures.put("metadata_bytes", events.metaDataBytes(), 0, "B", "serialized event metadata stored");
        figures.put("disk_ratio", payload == 0 ? 0 : (double) folder / payload, 2, "x", "data_bytes / payload_bytes");
        if (figures.has("readmodels_compacted_bytes")) {
            double compacted = DataFolder.bytesMatching(dir, "events") + figures.get("readmodels_compacted_bytes");
            figures.put("disk_ratio_if_compacted", payload == 0 ? 0 : compacted / payload, 2, "x",
                    "(events_db_bytes + readmodels_compacted_bytes) / payload_bytes");
        }
    }

    /**
     * Under Axon Server the data folder holds only the read models; the events are in Axon Server's files, which
     * hold every earlier run and other applications' events too (and are preallocated segments), so no ratio of this
     * run's disk to its payloads exists. The payloads are summed from a plain gRPC read of the whole context.
     */
    void afterRestartOnAxonServer(Path dir, SystemUnderTest sut) throws Exception {
        Figures figures = run.figures();
        long head = sut.headIndex();
        AxonServerEvents.ReadResult all = AxonServerEvents.readAll(sut.axonServerConnections(), head, 1, null);
        figures.put("data_bytes", DataFolder.bytes(dir), 0, "B", "data folder after the workload and a restart (the read"
                + " models only)");
        figures.notApplicable("events_db_bytes", NO_EVENT_TABLE);
        figures.put("readmodels_bytes", DataFolder.bytesMatching(dir, "readmodels"), 0, "B", "the wire server's H2 file(s)");
        figures.put("stored_events", head + 1, 0, "", "events in the Axon Server context (this run's, earlier runs',"
                + " other applications')");
        figures.put("payload_bytes", all.payloadBytes(), 0, "B", "serialized payloads of every event in the context");
        figures.put("metadata_bytes", all.metaDataBytes(), 0, "B", "serialized metadata of every event in the context"
                + " (gRPC metadata values)");
        figures.notApplicable("disk_ratio", "the events are in Axon Server's preallocated segment files, shared with"
                + " every earlier run and other applications: no data folder of this run holds them");
        figures.notApplicable("disk_ratio_if_compacted", "as disk_ratio");
    }
}
