package kr.go.gg.training.command.embedded.eventstore;

import java.sql.SQLException;
import java.util.Set;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells HikariCP to drop a pooled connection whose H2 database has failed (set as
 * {@code spring.datasource.hikari.exception-override-class-name}). When a write fails (a full disk, an I/O error)
 * H2's MVStore closes the database: every open connection then answers 90098 "The database has been closed" while
 * {@code isValid()} still says true, so the pool kept handing them out and commands failed until a restart. A
 * connection made afterwards opens the file again (H2 recovers to its last complete commit), so evicting the
 * failed ones is all it takes to recover in-process once space returns.
 */
public class ClosedDatabaseEviction implements SQLExceptionOverride {

    /**
     * 50000: general error (H2 reports the failed file write so, and closes the database after it); 90028 and
     * 90031: I/O errors; 90098: the database has been closed; 90121: the database was closed at shutdown.
     */
    private static final Set<Integer> DATABASE_FAILED = Set.of(50000, 90028, 90031, 90098, 90121);

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        return DATABASE_FAILED.contains(e.getErrorCode()) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
