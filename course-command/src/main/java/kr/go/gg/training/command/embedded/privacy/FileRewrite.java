package kr.go.gg.training.command.embedded.privacy;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes overwritten bytes from the event database's file, once, at start after the sealing migration. An H2
 * MVStore never edits a chunk: a changed row is written anew and the old chunk (plain text included) stays in the
 * file until its space is reused. {@link MVStore#compactFile(int)} moves every live chunk next to the others and
 * cuts the file after them, so the freed space and what it held are gone. Only while nothing else writes: it broke
 * the store under concurrent commits (measured), so erasures rely on the stop's SHUTDOWN COMPACT instead
 * (H2FileCompaction; docs/privacy.md). Measured by PlainEnrolmentMigrationTest.
 */
public class FileRewrite {

    private static final Logger log = LoggerFactory.getLogger(FileRewrite.class);
    private static final int MAX_COMPACT_MILLIS = 60_000;

    private final DataSource dataSource;

    public FileRewrite(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Rewrites the file now; false when it could not (logged, the stop's compaction still rewrites it). */
    public boolean rewriteNow() {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();
            store.commit();
            store.compactFile(MAX_COMPACT_MILLIS);
            return true;
        } catch (SQLException | RuntimeException | LinkageError e) {
            log.warn("Could not rewrite the event store file now (it is rewritten on the next stop): {}", e.toString());
            return false;
        }
    }
}
