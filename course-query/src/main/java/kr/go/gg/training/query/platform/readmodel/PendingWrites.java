package kr.go.gg.training.query.platform.readmodel;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * What one batch (unit of work) has read and changed in one {@link BatchedCollection}, and its write at the end of
 * the batch: whole documents replaced or deleted, path updates merged per document, then further writes in order,
 * as ONE {@code bulkWrite}. In a rebuild's generation a whole document it never wrote is inserted, not replaced
 * by an upsert: the wire server then skips its query by {@code _id} (replace-upsert cost 30 us a document, insert
 * 18 us, on its memory backend); path updates and further writes still upsert.
 */
final class PendingWrites {
    private final MongoCollection<Document> collection;
    private final long epoch;
    /** Whether this batch may use, and fill, what is remembered across batches (one segment only). */
    private final boolean remember;
    /** Whether memory is what the database holds (one writer: one segment, or a rebuild). */
    private final boolean exact;
    private final int generation;
    private final Map<Object, Document> documents = new HashMap<>();
    private final Map<Object, Document> changed = new LinkedHashMap<>();
    /** Per id: {@code $set}/{@code $unset} of single paths, for documents not in {@link #changed}. */
    private final Map<Object, Document> updates = new LinkedHashMap<>();
    /** Further writes, in order, after the others ({@link BatchedCollection#write}), and their documents' ids. */
    private final List<WriteModel<Document>> writes = new ArrayList<>();
    private final List<Object> writeIds = new ArrayList<>();
    /**
     * A rebuild's buffer only (else null): the ids written to its generation so far. The generation starts empty and
     * the rebuild is its only writer, so an id not in here is absent without asking the database (a round trip for
     * every first touch of a document otherwise).
     */
    private final java.util.Set<Object> stored;

    PendingWrites(MongoCollection<Document> collection, long epoch, boolean remember, int generation) {
        this(collection, epoch, remember, remember, generation, false);
    }

    /** {@code fresh}: a rebuild's generation, empty when the rebuild began and written by it alone. */
    PendingWrites(MongoCollection<Document> collection, long epoch, boolean remember, boolean exact, int generation,
                  boolean fresh) {
        this.stored = fresh ? new java.util.HashSet<>() : null;
        this.collection = collection;
        this.epoch = epoch;
        this.remember = remember;
        this.exact = exact;
        this.generation = generation;
    }

    MongoCollection<Document> collection() {
        return collection;
    }

    int generation() {
        return generation;
    }

    /** Documents changed and not written yet (a rebuild's buffer flushes by this). */
    int pendingCount() {
        return changed.size() + updates.size() + writes.size();
    }

    /** Writes what is pending and forgets every document read (a rebuild's buffer: memory stays bounded). */
    void flushAndForget() {
        flush();
        documents.clear();
    }

    /** Whether the document {@code id} is known to be absent from the database (a rebuild never wrote it). */
    boolean knownAbsent(Object id) {
        return stored != null && !stored.contains(id);
    }

    /** A write of {@link BatchedCollection#write} for the document {@code id}. */
    void write(Object id, WriteModel<Document> write) {
        writes.add(write);
        writeIds.add(id);
    }

    long epoch() {
        return epoch;
    }

    boolean remember() {
        return remember;
    }

    boolean exact() {
        return exact;
    }

    Map<Object, Document> documents() {
        return documents;
    }

    Map<Object, Document> changed() {
        return changed;
    }

    Map<Object, Document> updates() {
        return updates;
    }

    List<WriteModel<Document>> writes() {
        return writes;
    }

    void flush() {
        if (changed.isEmpty() && updates.isEmpty() && this.writes.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(changed.size() + updates.size() + this.writes.size());
        addWholeDocuments(writes);
        addPathUpdates(writes);
        writes.addAll(this.writes);
        if (!writes.isEmpty()) {
            bulkWrite(writes);
        }
        if (stored != null) {
            changed.forEach((id, document) -> {
                if (document == null) {
                    stored.remove(id);
                } else {
                    stored.add(id);
                }
            });
            stored.addAll(updates.keySet());
            stored.addAll(writeIds);
        }
        changed.clear();
        updates.clear();
        this.writes.clear();
        writeIds.clear();
    }

    private void addWholeDocuments(List<WriteModel<Document>> writes) {
        for (Map.Entry<Object, Document> change : changed.entrySet()) {
            Object id = change.getKey();
            if (change.getValue() == null) {
                if (!knownAbsent(id)) { // deleting what was never written is nothing to do
                    writes.add(new DeleteOneModel<>(Filters.eq("_id", id)));
                }
            } else {
                writes.add(knownAbsent(id) ? new InsertOneModel<>(change.getValue()) : replace(change.getValue()));
            }
        }
    }

    private void addPathUpdates(List<WriteModel<Document>> writes) {
        UpdateOptions upsertPaths = new UpdateOptions().upsert(true);
        for (Map.Entry<Object, Document> update : updates.entrySet()) {
            if (exact) {
                keepEmptiedFields(update.getValue(), documents.get(update.getKey()));
            }
            Document operators = new Document();
            update.getValue().forEach((operator, paths) -> {
                if (!((Document) paths).isEmpty()) {
                    operators.put(operator, paths);
                }
            });
            if (!operators.isEmpty()) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", update.getKey()),
                        knownAbsent(update.getKey()) ? GroupedPaths.of(operators) : operators, upsertPaths));
            }
        }
    }

    private static ReplaceOneModel<Document> replace(Document document) {
        return new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document, new ReplaceOptions().upsert(true));
    }

    /**
     * The writes in order; an insert that finds its document there after all (a generation that was not empty, which
     * no rebuild leaves: it drops the generation first) replaces it instead, and the writes go on from there (an
     * ordered bulk write stops at its first error, so none after it ran).
     */
    private void bulkWrite(List<WriteModel<Document>> writes) {
        int from = 0;
        while (true) {
            try {
                collection.bulkWrite(from == 0 ? writes : writes.subList(from, writes.size()));
                return;
            } catch (MongoBulkWriteException e) {
                int at = from + e.getWriteErrors().get(0).getIndex();
                if (ErrorCategory.fromErrorCode(e.getWriteErrors().get(0).getCode()) != ErrorCategory.DUPLICATE_KEY
                        || !(writes.get(at) instanceof InsertOneModel<Document> insert)) {
                    throw e;
                }
                writes.set(at, replace(insert.getDocument()));
                from = at;
            }
        }
    }

    /**
     * An {@code $unset} that leaves a sub-document empty in memory writes that empty sub-document instead
     * ({@code $set field: {}}), so the database holds what the document in memory holds whether the entry was set in
     * an earlier batch (an {@code $unset} of it leaves the empty parent) or in this one (the {@code $set} was dropped,
     * and an {@code $unset} alone would leave no parent): a replay, whose batches are larger, then builds what the live
     * batches built. Only with one segment: memory is then what the database holds; with several, other segments may
     * have added entries that this would drop. A rebuild is the only writer of its generation: exact too.
     */
    private static void keepEmptiedFields(Document update, Document inMemory) {
        Document unsets = (Document) update.get("$unset");
        if (inMemory == null || unsets == null) {
            return;
        }
        for (String path : List.copyOf(unsets.keySet())) {
            if (path.indexOf('.') < 0) {
                continue;
            }
            String field = path.substring(0, path.indexOf('.'));
            if (inMemory.get(field) instanceof Document entries && entries.isEmpty()) {
                unsets.keySet().removeIf(p -> p.startsWith(field + "."));
                Document sets = (Document) update.computeIfAbsent("$set", k -> new Document());
                sets.keySet().removeIf(p -> p.startsWith(field + "."));
                sets.put(field, new Document());
            }
        }
    }
}
