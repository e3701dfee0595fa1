package kr.go.gg.training.command.embedded.privacy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import kr.go.gg.training.command.privacy.KeysDestroyed;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes overwritten bytes from the event database's file. An H2 MVStore never edits a chunk: a changed row is
 * written anew and the old chunk, plain text or key bytes included, stays in the file until its space is reused.
 * {@link MVStore#compactFile(int)} moves every live chunk next to the others and cuts the file after them, so the
 * freed space (and what it held) is gone: after the sealing migration at start, and after every commit that
 * destroyed a key (in the background, one rewrite for all erasures waiting). The stop's SHUTDOWN COMPACT
 * (H2FileCompaction) writes a new file as well. Measured by PlainEnrolmentMigrationTest and course-standalone's
 * ErasureProofTest.
 */
public class FileRewrite implements KeysDestroyed, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FileRewrite.class);
    private static final int MAX_COMPACT_MILLIS = 60_000;

    private final DataSource dataSource;
    /** one thread; at most one rewrite waiting behind the running one: erasures in between share it */
    private final ExecutorService rewrites = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(1), runnable -> {
                Thread thread = new Thread(runnable, "h2-event-store-rewrite");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());

    public FileRewrite(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterCommit() {
        rewrites.execute(this::rewriteNow);
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

    @Override
    public void close() {
        rewrites.shutdownNow();
    }
}
