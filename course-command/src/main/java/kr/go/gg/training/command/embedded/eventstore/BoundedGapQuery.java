package kr.go.gg.training.command.embedded.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.ReadEventDataWithGapsStatementBuilder;

/**
 * The statement that reads events past a tracking token that has gaps. Axon's own is
 * {@code WHERE (globalIndex > ? AND globalIndex <= ?) OR globalIndex IN (gaps)}; H2 2.3 cannot use the primary key
 * for that OR and scans the whole event table on every fetch of every tracking processor (EXPLAIN: scanCount = all
 * rows), and with concurrent writers committing out of order a token almost always has a gap. This one adds the
 * enclosing range, {@code globalIndex >= min(gaps) AND globalIndex <= upper AND (<Axon's condition>)}: the same rows,
 * and H2 scans only the range (docs/benchmarks.md, "Commands").
 */
final class BoundedGapQuery implements ReadEventDataWithGapsStatementBuilder {

    static final BoundedGapQuery INSTANCE = new BoundedGapQuery();

    private BoundedGapQuery() {
    }

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, long globalIndex, int batchSize,
                                   List<Long> gaps) throws SQLException {
        long lowest = globalIndex;
        for (Long gap : gaps) {
            lowest = Math.min(lowest, gap);
        }
        long upper = globalIndex + batchSize;
        String index = schema.globalIndexColumn();
        String sql = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable()
                + " WHERE " + index + " >= ? AND " + index + " <= ?"
                + " AND ((" + index + " > ? AND " + index + " <= ?) OR " + index + " IN ("
                + String.join(",", Collections.nCopies(gaps.size(), "?")) + "))"
                + " ORDER BY " + index + " ASC";
        PreparedStatement statement = connection.prepareStatement(sql);
        int i = 1;
        statement.setLong(i++, lowest);
        statement.setLong(i++, upper);
        statement.setLong(i++, globalIndex);
        statement.setLong(i++, upper);
        for (Long gap : gaps) {
            statement.setLong(i++, gap);
        }
        return statement;
    }
}
