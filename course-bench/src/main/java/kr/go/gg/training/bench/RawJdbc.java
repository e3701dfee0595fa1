package kr.go.gg.training.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

/**
 * The limits of the event store's database, by plain JDBC on the same H2 file with the same settings
 * ({@code WRITE_DELAY=0}: each commit is written before it returns):
 * durable single-row inserts of event-sized rows (copies of stored events) into a twin of the event table, and a
 * full read of the event table.
 */
public final class RawJdbc {

    public static final String RAW_TABLE = "BENCH_RAW_EVENTS";

    public record AppendResult(long rows, double seconds, Latencies latencies) {
        public double rowsPerSecond() {
            return rows / seconds;
        }
    }

    public record ReadResult(long rows, long bytes, double seconds) {
        public double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private RawJdbc() {
    }

    /**
     * {@code rows} inserts from {@code clients} threads, one row per transaction (autocommit), each thread writing
     * its rows as consecutive sequence numbers of its own aggregates (28 per aggregate), like the command side does.
     */
    public static AppendResult append(DataSource dataSource, EventTable events, List<EventTable.Row> samples,
                                      long rows, int clients, int rowsPerAggregate) throws SQLException {
        String q = "\"" + RAW_TABLE + "\"";
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + q);
            // same columns and types as the event table, same keys as Axon's schema
            statement.execute("CREATE TABLE " + q + " AS SELECT * FROM \"" + events.name() + "\" WITH NO DATA");
            statement.execute("ALTER TABLE " + q + " ADD PRIMARY KEY (" + events.column("globalIndex") + ")");
            statement.execute("ALTER TABLE " + q + " ADD UNIQUE (" + events.column("eventIdentifier") + ")");
            statement.execute("ALTER TABLE " + q + " ADD UNIQUE (" + events.column("aggregateIdentifier") + ", "
                    + events.column("sequenceNumber") + ")");
        }
        String sql = "INSERT INTO " + q + " (" + String.join(", ",
                events.column("globalIndex"), events.column("eventIdentifier"), events.column("aggregateIdentifier"),
                events.column("sequenceNumber"), events.column("type"), events.column("timeStamp"),
                events.column("payloadType"), events.column("payloadRevision"), events.column("payload"),
                events.column("metaData")) + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        AtomicLong globalIndex = new AtomicLong();
        AtomicLong taken = new AtomicLong();
        Load.Result result = Load.run(0, clients, clients, (client, latencies) -> {
            int written = 0;
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (PreparedStatement insert = connection.prepareStatement(sql)) {
                    String aggregate = null;
                    long sequence = 0;
                    while (taken.getAndIncrement() < rows) {
                        if (aggregate == null || sequence == rowsPerAggregate) {
                            aggregate = UUID.randomUUID().toString();
                            sequence = 0;
                        }
                        long index = globalIndex.incrementAndGet();
                        EventTable.Row row = samples.get((int) (index % samples.size()));
                        long start = System.nanoTime();
                        insert.setLong(1, index);
                        insert.setString(2, UUID.randomUUID().toString());
                        insert.setString(3, aggregate);
                        insert.setLong(4, sequence++);
                        insert.setString(5, row.type());
                        insert.setString(6, Instant.now().toString());
                        insert.setString(7, row.payloadType());
                        insert.setString(8, row.payloadRevision());
                        insert.setBytes(9, row.payload());
                        insert.setBytes(10, row.metaData());
                        insert.executeUpdate();
                        latencies.record(System.nanoTime() - start);
                        written++;
                    }
                }
            }
            return written;
        });
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE " + q);
        }
        return new AppendResult(result.commands(), result.seconds(), result.latencies());
    }

    /** Reads every column of every event row in index order, touching every byte; best of {@code rounds}. */
    public static ReadResult readAll(DataSource dataSource, EventTable events, int rounds) throws SQLException {
        String sql = "SELECT " + String.join(", ", events.column("globalIndex"), events.column("eventIdentifier"),
                events.column("aggregateIdentifier"), events.column("sequenceNumber"), events.column("type"),
                events.column("timeStamp"), events.column("payloadType"), events.column("payloadRevision"),
                events.column("payload"), events.column("metaData"))
                + " FROM \"" + events.name() + "\" ORDER BY " + events.column("globalIndex");
        ReadResult best = null;
        for (int round = 0; round < rounds; round++) {
            long rows = 0;
            long bytes = 0;
            long start = System.nanoTime();
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(1000);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        bytes += rs.getLong(1) & 1;
                        bytes += rs.getString(2).length() + rs.getString(3).length() + rs.getLong(4)
                                + length(rs.getString(5)) + rs.getString(6).length() + rs.getString(7).length()
                                + length(rs.getString(8));
                        byte[] payload = rs.getBytes(9);
                        byte[] meta = rs.getBytes(10);
                        bytes += (payload == null ? 0 : payload.length) + (meta == null ? 0 : meta.length);
                    }
                }
            }
            ReadResult result = new ReadResult(rows, bytes, (System.nanoTime() - start) / 1e9);
            if (best == null || result.seconds() < best.seconds()) {
                best = result;
            }
        }
        return best;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
