package kr.go.gg.training.bench.baseline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import kr.go.gg.training.api.TimeOrderedIds;
import kr.go.gg.training.support.eventtable.EventTableSchema;

import kr.go.gg.training.bench.workload.Latencies;
import kr.go.gg.training.bench.workload.Load;

/**
 * The limits of the event store's database, by plain JDBC on the same H2 file with the same settings
 * ({@code WRITE_DELAY=0}: each commit is written before it returns):
 * durable single-row inserts of event-sized rows (copies of stored events) into a twin of the event table, and a
 * full read of the event table.
 */
public final class RawJdbc {

    public static final String RAW_TABLE = "BENCH_RAW_EVENTS";
    private static final String APPEND_TABLE = "\"" + RAW_TABLE + "\"";

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

    /** Creates the twin of the event table that {@link #insert} writes to (dropped first if a run left one). */
    public static void createAppendTable(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + APPEND_TABLE);
            // the event table's own DDL, under another name (an unquoted upper-case name is the same as APPEND_TABLE)
            statement.execute(EventTableSchema.domainEventTable(RAW_TABLE));
        }
    }

    /** Copies the first {@code rows} event rows (by global index) into the table of {@link #createAppendTable}. */
    public static void copyEventRows(DataSource dataSource, EventTable events, long rows) throws SQLException {
        if (rows <= 0) {
            return;
        }
        String columns = String.join(", ", events.column("eventIdentifier"), events.column("aggregateIdentifier"),
                events.column("sequenceNumber"), events.column("type"), events.column("timeStamp"),
                events.column("payloadType"), events.column("payloadRevision"), events.column("payload"),
                events.column("metaData"));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO " + APPEND_TABLE + " (eventIdentifier, aggregateIdentifier, sequenceNumber,"
                    + " type, timeStamp, payloadType, payloadRevision, payload, metaData) SELECT " + columns
                    + " FROM \"" + events.name() + "\" ORDER BY " + events.column("globalIndex")
                    + " FETCH FIRST " + rows + " ROWS ONLY");
        }
    }

    public static void dropAppendTable(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE " + APPEND_TABLE);
        }
    }

    /**
     * {@code rows} inserts into the table of {@link #createAppendTable} from {@code clients} threads, one row per
     * transaction (autocommit), each thread writing its rows as consecutive sequence numbers of its own aggregates
     * ({@code rowsPerAggregate} per aggregate), like the command side does, with ids made as the system makes them
     * ({@link TimeOrderedIds}): the limit gets the same B-tree locality.
     */
    public static AppendResult insert(DataSource dataSource, List<EventTable.Row> samples,
                                      long rows, int clients, int rowsPerAggregate) {
        // the identity assigns globalIndex, as in Axon's appends
        String sql = "INSERT INTO " + APPEND_TABLE + " (eventIdentifier, aggregateIdentifier, sequenceNumber, type,"
                + " timeStamp, payloadType, payloadRevision, payload, metaData) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        AtomicLong sampleIndex = new AtomicLong();
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
                            aggregate = TimeOrderedIds.next();
                            sequence = 0;
                        }
                        EventTable.Row row = samples.get((int) (sampleIndex.incrementAndGet() % samples.size()));
                        long start = System.nanoTime();
                        insert.setString(1, TimeOrderedIds.next());
                        insert.setString(2, aggregate);
                        insert.setLong(3, sequence++);
                        insert.setString(4, row.type());
                        insert.setString(5, Instant.now().toString());
                        insert.setString(6, row.payloadType());
                        insert.setString(7, row.payloadRevision());
                        insert.setBytes(8, row.payload());
                        insert.setBytes(9, row.metaData());
                        insert.executeUpdate();
                        latencies.record(System.nanoTime() - start);
                        written++;
                    }
                }
            }
            return written;
        });
        return new AppendResult(result.commands(), result.seconds(), result.latencies());
    }

    /** Reads every column of every event row in index order, touching every byte; best of {@code rounds}. */
    public static ReadResult readAll(DataSource dataSource, EventTable events, int rounds) throws SQLException {
        return readAll(dataSource, events, rounds, null);
    }

    /**
     * {@link #readAll}, and when {@code serializer} is given, each row's payload and metadata deserialised by it as
     * well (no upcasters, no handler): what any replay that turns the rows into events pays at least.
     */
    public static ReadResult readAll(DataSource dataSource, EventTable events, int rounds, Serializer serializer)
            throws SQLException {
        String sql = "SELECT " + String.join(", ", events.column("globalIndex"), events.column("eventIdentifier"),
                events.column("aggregateIdentifier"), events.column("sequenceNumber"), events.column("type"),
                events.column("timeStamp"), events.column("payloadType"), events.column("payloadRevision"),
                events.column("payload"), events.column("metaData"))
                + " FROM \"" + events.name() + "\" ORDER BY " + events.column("globalIndex");
        return BestOf.rounds(rounds, ReadResult::seconds, () -> readOnce(dataSource, sql, serializer));
    }

    private static ReadResult readOnce(DataSource dataSource, String sql, Serializer serializer) throws SQLException {
        long rows = 0;
        long bytes = 0;
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(1000);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    bytes += touch(rs, serializer);
                }
            }
        }
        return new ReadResult(rows, bytes, (System.nanoTime() - start) / 1e9);
    }

    /** Reads every column of the current row (and deserialises it with {@code serializer}); returns a count to keep. */
    private static long touch(ResultSet rs, Serializer serializer) throws SQLException {
        long bytes = rs.getLong(1) & 1;
        bytes += rs.getString(2).length() + rs.getString(3).length() + rs.getLong(4)
                + length(rs.getString(5)) + rs.getString(6).length() + rs.getString(7).length()
                + length(rs.getString(8));
        byte[] payload = rs.getBytes(9);
        byte[] meta = rs.getBytes(10);
        bytes += (payload == null ? 0 : payload.length) + (meta == null ? 0 : meta.length);
        if (serializer != null) {
            Object event = serializer.deserialize(
                    new SimpleSerializedObject<>(payload, byte[].class, rs.getString(7), rs.getString(8)));
            MetaData metaData = serializer.deserialize(
                    new SimpleSerializedObject<>(meta, byte[].class, MetaData.class.getName(), null));
            bytes += (event.hashCode() & 1) + metaData.size();
        }
        return bytes;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
