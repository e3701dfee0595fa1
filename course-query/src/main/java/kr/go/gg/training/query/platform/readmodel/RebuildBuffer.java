package kr.go.gg.training.query.platform.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/**
 * A rebuild's writes, kept across its batches: each document is folded in memory by every event that touches it and
 * written once, in bulk, when the buffer holds {@code limit} changed documents (memory stays bounded) or when the
 * rebuild ends. Put into each of the rebuild's units of work as the resource {@link #RESOURCE}; every
 * {@link BatchedCollection} then reads and writes through it instead of through the batch. Sound because nobody else
 * writes the generation being built, and a rebuild that is interrupted starts over from the first event, so writes
 * that never reached the database before a crash are simply done again.
 */
public final class RebuildBuffer {

    static final String RESOURCE = "batched:rebuild-buffer";

    private final int limit;
    /** Where the buffer writes instead of the generation named (a fold's scratch database), or null. */
    private final MongoDatabase into;
    private final Map<String, PendingWrites> collections = new LinkedHashMap<>();

    public RebuildBuffer(int limit) {
        this(limit, null);
    }

    /** A buffer that reads and writes each collection of the same name in {@code into}, never the read models. */
    public RebuildBuffer(int limit, MongoDatabase into) {
        this.limit = limit;
        this.into = into;
    }

    /** Makes {@code uow} (the rebuild's batch) read and write through this buffer, into {@code generation}. */
    public void attach(org.axonframework.messaging.unitofwork.UnitOfWork<?> uow, int generation) {
        uow.resources().put(RESOURCE, this);
        uow.resources().put(BatchedCollection.GENERATION, generation);
    }

    synchronized PendingWrites pending(MongoCollection<Document> target, int generation) {
        return collections.computeIfAbsent(target.getNamespace().getFullName(),
                k -> new PendingWrites(into == null ? target : into.getCollection(target.getNamespace().getCollectionName()),
                        -1, false, true, generation, true));
    }

    /** Writes everything once the buffer holds at least {@code limit} changed documents; true if it did. */
    public synchronized boolean flushIfFull() {
        int pending = collections.values().stream().mapToInt(PendingWrites::pendingCount).sum();
        if (pending < limit) {
            return false;
        }
        flush();
        return true;
    }

    /** Writes everything pending, and forgets what was read. */
    public synchronized void flush() {
        collections.values().forEach(PendingWrites::flushAndForget);
    }

    /** Forgets everything without writing it (a failed batch: the rebuild gives up or starts over). */
    public synchronized void discard() {
        collections.clear();
    }
}
