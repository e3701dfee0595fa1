package kr.go.gg.training.query.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * The embedded wire server's backend: the H2 MVStore file {@code readmodels.mv}, kept bounded (the read-model side
 * of course-command's
 * {@code H2FileCompaction}), or memory ({@code course.mongo.persistent=false}). Nothing in mongo-java-server compacts its MVStore: with the default retention time
 * freed chunks stay 45 s and every batch's rewritten documents land in new chunks (measured: 20 MB after a
 * 300-course benchmark for 6 MB of live data, 270-320 MB at 3,600 courses for 68 MB). It owns the backend so that
 * it is closed, and the file compacted, after the server stopped (Spring destroys the server first: it depends on
 * this bean). Three measures for the file:
 * <ul>
 * <li>on open: retention time 0, so a chunk that holds no live page any more is reused as soon as no open version
 *   needs it (MVStore still keeps the last 5 versions); MVStore's own background housekeeping then rewrites
 *   sparse chunks. The same trade-off as the event file's {@code RETENTION_TIME=0}: only a power loss with a disk
 *   that reorders writes could lose the newest chunks;</li>
 * <li>while running, every {@code interval}: {@link MVStore#compact(int, int)} rewrites sparsely filled chunks so
 *   their space is reused (it does not shrink the file);</li>
 * <li>on shutdown, after the store is closed: {@link MVStoreTool#compact(String, boolean)} rewrites the file to
 *   its live size (0.02-0.15 s at the benchmark's sizes; a temporary file is moved over the old one atomically,
 *   a failure leaves the old file as it was).</li>
 * </ul>
 * Off with {@code course.mongo.compaction=false}: then the store keeps H2's default retention time and nothing is
 * compacted.
 * <p>
 * The file is <b>compressed</b> (H2's LZF, page by page; a file written uncompressed reads as before, each page says
 * how it was written): the wire server stores every document Java-serialised, its field names and class descriptors
 * over and over, and the read models were 4.3 times the stored event payloads at 3,600 courses in course-bench
 * ({@code disk_ratio} 5.5 with the events); compressed, 2.3 at 500 courses. Pages are cached uncompressed, so queries
 * read as before; the commit thread pays the compression.
 * <p>
 * Whatever the compaction setting, the file is written only between the server's messages
 * ({@link CommitBetweenMessages}): every {@code course.mongo.commit-interval} (default 1 s, H2's own auto-commit
 * delay) and on close, so a crash never leaves a document without its {@code _id} index entry.
 */
public class ReadModelStore implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReadModelStore.class);
    private static final int TARGET_FILL_RATE = 80;
    private static final int WRITE_LIMIT = 16 * 1024 * 1024;

    private final Path file;
    private final boolean enabled;
    private final Duration interval;
    /** H2's own auto-commit delay, which this replaces. */
    static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofSeconds(1);

    private final Duration commitInterval;
    private final MongoBackend backend;
    /** The backend on file, committed between messages; null in memory. */
    private final CommitBetweenMessages committing;
    private final MVStore store;
    private ScheduledExecutorService scheduler;
    private volatile boolean available = true;
    /** Set before this store closes the file itself (shutdown), so a closed store is told from a failed one. */
    private volatile boolean closing;
    /** The last commit's failure while it keeps failing, else null; and since when. */
    private volatile String commitFailure;
    private volatile Instant failingSince;

    /** The backend on {@code file} (created if absent); {@code compaction}: the measures above. */
    public static ReadModelStore onFile(Path file, boolean compaction, Duration interval) {
        return onFile(file, compaction, interval, DEFAULT_COMMIT_INTERVAL);
    }

    /** As above, writing what finished messages changed to the file every {@code commitInterval}. */
    public static ReadModelStore onFile(Path file, boolean compaction, Duration interval, Duration commitInterval) {
        return new ReadModelStore(file.toAbsolutePath(), compaction, interval, commitInterval);
    }

    /** In memory: nothing to compact. */
    public static ReadModelStore inMemory() {
        return new ReadModelStore(null, false, Duration.ZERO, Duration.ZERO);
    }

    private ReadModelStore(Path file, boolean enabled, Duration interval, Duration commitInterval) {
        this.file = file;
        this.enabled = enabled && file != null;
        this.interval = interval;
        this.commitInterval = commitInterval;
        if (file == null) {
            this.backend = new MemoryBackend();
            this.committing = null;
            this.store = null;
        } else {
            // no auto-commit, neither timed nor when unsaved changes pile up: the store is written only between
            // messages (CommitBetweenMessages)
            this.store = new MVStore.Builder().fileName(file.toString()).compress()
                    .autoCommitDisabled().autoCommitBufferSize(0).open();
            this.committing = new CommitBetweenMessages(new IndexedH2Backend(store), store);
            this.backend = committing;
            if (this.enabled) {
                store.setRetentionTime(0);
            }
        }
    }

    /** The wire server's backend. */
    public MongoBackend backend() {
        return backend;
    }

    /** The backend's file; null in memory. */
    public Path file() {
        return file;
    }

    /** Rewrites sparsely filled chunks; false when there is nothing to do or it cannot be done. */
    public boolean compactNow() {
        if (!enabled || !available || store.isClosed()) {
            return false;
        }
        try {
            // not fenced: compact() only marks live pages of sparse chunks for rewriting (the same values, put again)
            // and writes nothing; the next commit, between messages, stores them. Fenced, it would hold every message
            // up for the whole rewrite (one course-bench run at 3,600 courses: lag 1.8 s fenced, 0.5 s not).
            return store.compact(TARGET_FILL_RATE, WRITE_LIMIT);
        } catch (RuntimeException | LinkageError e) {
            if (store.isClosed()) {
                return false;
            }
            log.warn("Online compaction of {} is unavailable, stopping it: {}", file, e.toString());
            available = false;
            return false;
        }
    }

    /**
     * Writes to the file what every finished message changed (never part of one); false in memory or once closed.
     * Runs every {@code course.mongo.commit-interval} while started, and on close.
     */
    public boolean commitNow() {
        if (committing == null) {
            return false;
        }
        try {
            boolean committed = committing.commit();
            commitFailure = null;
            failingSince = null;
            return committed;
        } catch (RuntimeException e) {
            if (closing) {
                return false;
            }
            if (failingSince == null) {
                failingSince = Instant.now();
            }
            commitFailure = e.toString();
            log.warn("Could not write the read models to {} (tried again in {}): {}", file, commitInterval, e.toString());
            return false;
        }
    }

    /**
     * Why the read models are not being written to the file, empty while they are (and in memory): commits that
     * keep failing (a full disk, say), or the store closed under the running server (H2 closes it after a write
     * it could not finish; every write of the projections then fails until a restart). The health indicator
     * {@code readModelFile} reports it ({@link EmbeddedMongoConfiguration}).
     */
    public Optional<String> writeProblem() {
        if (store == null || closing) {
            return Optional.empty();
        }
        String failure = commitFailure;
        if (store.isClosed()) {
            return Optional.of("the H2 store of " + file + " has closed" + (failure == null ? "" : ": " + failure));
        }
        return failure == null ? Optional.empty()
                : Optional.of("writing " + file + " has failed since " + failingSince + ": " + failure);
    }

    /** The backend's MVStore; null in memory. */
    MVStore mvStore() {
        return store;
    }

    public boolean isAvailable() {
        return available;
    }

    /** Starts the periodic commits (on file) and the periodic compaction (when enabled and the interval is positive). */
    @Override
    public synchronized void start() {
        boolean commits = committing != null && commitInterval.toMillis() > 0;
        boolean compacts = enabled && interval.toMillis() > 0;
        if (scheduler != null || !(commits || compacts)) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "readmodels-store");
            thread.setDaemon(true);
            return thread;
        });
        if (commits) {
            scheduler.scheduleWithFixedDelay(this::commitNow, commitInterval.toMillis(), commitInterval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        if (compacts) {
            scheduler.scheduleWithFixedDelay(this::compactNow, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Lifecycle stop precedes every bean's destruction: no online compaction or commit runs when the server shuts down. */
    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /**
     * After the server's shutdown (which closes the backend; closed here too if it is still open): the offline
     * compaction of the closed file.
     */
    @Override
    public void destroy() {
        closing = true;
        stop();
        if (store != null && !store.isClosed()) {
            backend.close();
        }
        if (enabled) {
            compactClosedFile(file);
        }
    }

    /** Rewrites a closed MVStore file to its live size; false (logged) if that fails, the file is then unchanged. */
    static boolean compactClosedFile(Path file) {
        try {
            long before = Files.size(file);
            long start = System.nanoTime();
            MVStoreTool.compact(file.toString(), true);
            log.info("Read-model file {} compacted from {} to {} bytes in {} ms", file, before, Files.size(file),
                    (System.nanoTime() - start) / 1_000_000);
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn("Could not compact the read-model file {} on shutdown: {}", file, e.toString());
            return false;
        }
    }
}
