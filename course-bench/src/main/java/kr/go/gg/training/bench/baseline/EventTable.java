package kr.go.gg.training.bench.baseline;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Plain JDBC views of Axon's event table ({@code DomainEventEntry} unless the command side named it otherwise):
 * row counts, payload bytes, and sample rows for the raw baselines.
 */
public final class EventTable {

    /** One stored event row as the raw baselines copy it. */
    public record Row(String type, String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {
    }

    private final DataSource dataSource;
    private final String table;

    public EventTable(DataSource dataSource) {
        this.dataSource = dataSource;
        this.table = findTable(dataSource);
    }

    public String name() {
        return table;
    }

    private static String findTable(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet tables = meta.getTables(null, null, "%", new String[] {"TABLE", "BASE TABLE"})) {
                String fallback = null;
                while (tables.next()) {
                    String name = tables.getString("TABLE_NAME");
                    if (name.equalsIgnoreCase("DomainEventEntry")) {
                        return name;
                    }
                    if (fallback == null && name.toLowerCase().contains("domainevent")) {
                        fallback = name;
                    }
                }
                if (fallback != null) {
                    return fallback;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event store's tables", e);
        }
        throw new IllegalStateException("no DomainEventEntry table in the event store");
    }

    /** Quoted as stored, so the name works whether it was created quoted or not. */
    private String quoted() {
        return "\"" + table + "\"";
    }

    public long count() {
        return longQuery("SELECT COUNT(*) FROM " + quoted());
    }

    /** Bytes of the serialized event payloads stored (the payload column of every row). */
    public long payloadBytes() {
        return longQuery("SELECT COALESCE(SUM(OCTET_LENGTH(" + column("payload") + ")), 0) FROM " + quoted());
    }

    public long metaDataBytes() {
        return longQuery("SELECT COALESCE(SUM(OCTET_LENGTH(" + column("metaData") + ")), 0) FROM " + quoted());
    }

    /** The column name as stored (H2 upper-cases unquoted names; a quoted camelCase name stays as it is). */
    public String column(String camelCase) {
        try (Connection connection = dataSource.getConnection();
             ResultSet columns = connection.getMetaData().getColumns(null, null, table, null)) {
            while (columns.next()) {
                String name = columns.getString("COLUMN_NAME");
                if (name.equalsIgnoreCase(camelCase)) {
                    return "\"" + name + "\"";
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("event table " + table + " has no column " + camelCase);
    }

    /** Up to {@code limit} rows spread evenly over the table, to copy as event-sized rows. */
    public List<Row> sample(int limit) {
        long total = count();
        long step = Math.max(1, total / Math.max(1, limit));
        String sql = "SELECT " + column("type") + ", " + column("payloadType") + ", " + column("payloadRevision") + ", "
                + column("payload") + ", " + column("metaData") + " FROM " + quoted() + " WHERE MOD(" + column("globalIndex")
                + ", ?) = 0 ORDER BY " + column("globalIndex") + " LIMIT ?";
        List<Row> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, step);
            statement.setInt(2, limit);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4), rs.getBytes(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("no events to sample");
        }
        return rows;
    }

    private long longQuery(String sql) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
