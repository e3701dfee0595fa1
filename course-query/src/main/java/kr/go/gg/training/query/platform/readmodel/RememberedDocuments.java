package kr.go.gg.training.query.platform.readmodel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * The documents a {@link BatchedCollection}'s last committed batches read or wrote (or found absent), least recently
 * used dropped beyond {@code capacity}: trusted only while the shared epoch has not moved since, and only for the
 * generation they were written to. Guarded by itself.
 */
final class RememberedDocuments {

    /** Remembered as absent. */
    static final Document ABSENT = new Document();

    private final AtomicLong epochs;
    private final Map<Object, Document> documents;
    private long epoch = -1;
    private int generation;

    RememberedDocuments(int capacity, AtomicLong epochs) {
        this.epochs = epochs;
        this.documents = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Document> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The remembered document, {@link #ABSENT}, or null when not remembered or no longer trusted. */
    synchronized Document get(Object id, long batchEpoch, int batchGeneration) {
        if (epoch != batchEpoch || epochs.get() != batchEpoch || generation != batchGeneration) {
            return null;
        }
        return documents.get(id);
    }

    /** After a batch has committed: remember what it read and wrote, if nothing moved the epoch since it began. */
    synchronized void put(Map<Object, Document> batch, long batchEpoch, int batchGeneration) {
        if (epochs.get() != batchEpoch) {
            return;
        }
        if (epoch != batchEpoch || generation != batchGeneration) {
            documents.clear();
            epoch = batchEpoch;
            generation = batchGeneration;
        }
        batch.forEach((id, document) -> documents.put(id, document == null ? ABSENT : document));
    }
}
