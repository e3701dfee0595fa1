package kr.go.gg.training.bench;

import kr.go.gg.training.bench.baseline.AxonServerEvents;
import kr.go.gg.training.bench.baseline.EventTable;
import kr.go.gg.training.bench.baseline.RawJdbc;
import kr.go.gg.training.bench.report.Figures;

/**
 * The replay's limit (issue 17): the read of every stored event with Axon's serializer on every payload and metadata
 * and no handler at all, best of 3 ({@code replay_ratio}), the ceiling of any replay that deserialises; and the plain
 * read without deserialising, best of 3 ({@code replay_raw_ratio}, issue 6's {@code replay_ratio}). On the embedded default a JDBC read of the event rows; under Axon Server the matching
 * read, the connector's gRPC event stream with no event store, processor or handler.
 */
record ReplayLimit(BenchRun run) {

    void measure(SystemUnderTest sut, EventTable events, long head, double replayRate, double inPlaceRate,
                 double writeLimitRate) throws Exception {
        if (sut.onAxonServer()) {
            onAxonServer(sut, head, replayRate, inPlaceRate);
        } else {
            onJdbc(sut, events, replayRate, inPlaceRate);
        }
        run.figures().put("replay_write_ceiling_ratio", writeLimitRate / run.figures().get("raw_deserialize_rows_per_s"),
                4, "", "diagnostic: (replay_events / rebuild_write_s) / raw_deserialize_rows_per_s, the most replay_ratio"
                        + " can reach with these read models on this store");
    }

    private void onJdbc(SystemUnderTest sut, EventTable events, double replayRate, double inPlaceRate) throws Exception {
        run.progress("raw JDBC read of the event rows");
        RawJdbc.ReadResult raw = RawJdbc.readAll(sut.dataSource(), events, 3);
        RawJdbc.ReadResult deserialized = RawJdbc.readAll(sut.dataSource(), events, 3, sut.eventSerializer());
        put(replayRate, inPlaceRate, raw.rowsPerSecond(), "plain JDBC read of every event row, best of 3",
                deserialized.rowsPerSecond(), "the raw read");
    }

    private void onAxonServer(SystemUnderTest sut, long head, double replayRate, double inPlaceRate)
            throws Exception {
        run.progress("raw gRPC read of every event of the Axon Server context");
        AxonServerEvents.ReadResult raw = AxonServerEvents.readAll(sut.axonServerConnections(), head, 3, null);
        AxonServerEvents.ReadResult deserialized = AxonServerEvents.readAll(sut.axonServerConnections(), head, 3,
                sut.eventSerializer());
        put(replayRate, inPlaceRate, raw.eventsPerSecond(), "plain gRPC read of every event of the context (connector"
                + " EventChannel.openStream, no deserialisation), best of 3", deserialized.eventsPerSecond(),
                "the raw gRPC read");
        if (deserialized.undeserialisable() > 0) {
            run.figures().note("raw read: " + deserialized.undeserialisable() + " of " + deserialized.events()
                    + " events could not be deserialised without upcasters (other applications' or older shapes)");
        }
    }

    /** @param deserializedRead what the diagnostic read is ("the raw read", "the raw gRPC read") */
    private void put(double replayRate, double inPlaceRate, double rawRate, String rawMeaning, double deserializedRate,
                     String deserializedRead) {
        Figures figures = run.figures();
        figures.put("raw_read_rows_per_s", rawRate, 1, "1/s", rawMeaning);
        figures.put("replay_raw_ratio", replayRate / rawRate, 4, "",
                "replay_events_per_s / raw_read_rows_per_s (issue 6's replay_ratio)");
        figures.put("raw_deserialize_rows_per_s", deserializedRate, 1, "1/s",
                deserializedRead + " with Axon's serializer on every payload and metadata, best of 3");
        figures.put("replay_ratio", replayRate / deserializedRate, 4, "", "replay_events_per_s / raw_deserialize_rows_per_s");
        figures.put("inplace_replay_ratio", inPlaceRate / deserializedRate, 4, "",
                "inplace_replay_events_per_s / raw_deserialize_rows_per_s (the replay_ratio before the admin rebuild)");
        figures.put("replay_ratio_ceiling", deserializedRate / rawRate, 4, "",
                "diagnostic: raw_deserialize_rows_per_s / raw_read_rows_per_s (what a replay doing nothing else reaches)");
    }
}
