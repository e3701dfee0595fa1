package kr.go.gg.training.command.embedded.eventstore;

import java.sql.SQLException;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Recognises a unique-key violation on append (another writer took the aggregate's next sequence number), so
 * Axon raises ConcurrencyException (HTTP 409) instead of EventStoreException (500). Axon's default resolver
 * misses H2's batch form of the error: the engine appends in a JDBC batch and H2 reports JdbcBatchUpdateException,
 * whose own code is not the duplicate-key code; the underlying SQLException carries SQLState 23505.
 */
public class UniqueViolationResolver implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
