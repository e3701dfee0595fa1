package kr.go.gg.training.query.platform.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.WriteModel;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

/**
 * A collection as one processor batch sees it: documents are read once per batch (by {@code _id}), changed
 * in memory by every event of the batch, and written back as ONE {@code bulkWrite} per collection at the end
 * of the batch: by {@link #flushAll} after the batch's last event (the processors' interceptor, see
 * {@link ReadModelProcessorConfiguration}), else when the unit of work prepares to commit. The processor stores its
 * token after that, so without transactions a crash in between (or the wire server losing its last second)
 * re-delivers events rather than skipping them: every handler is idempotent.
 * <p>
 * <b>Across batches</b> each collection remembers the documents its last committed batches read or wrote (and the
 * ids found absent), at most {@link #CACHED_DOCUMENTS} (least recently used dropped), so a live batch touching the
 * same courses, years and audit chunks as the one before reads them from memory instead of one round trip each. The
 * rule that makes this sound: the read models are written only by their processor's batches, and the cache is
 * trusted only while that processor has owned its token continuously since it filled the cache. Every event that
 * may break that bumps one epoch and empties every cache ({@link #invalidateAll()}): the token store fetching
 * (claiming) or releasing a token ({@link ClaimWatchingTokenStore}: processor start and shutdown, a reset, a claim
 * lost to or taken over from another node), a reset handler dropping a collection ({@link #drop()}), and a batch
 * that rolls back (its in-memory changes were never written). A batch fills the cache only after it has committed
 * (token stored) and only if the epoch did not move meanwhile. The cached documents are the very objects the next
 * batch changes; a handler changes a document only to save it, so they are what the database holds.
 * <p>
 * <b>Generations</b>: bound to its projection ({@link ProjectionBinder}), the collection answers queries from the
 * live generation ({@link #collection()}) and a batch writes the generation its unit of work names
 * ({@link #GENERATION}); a rebuild's batches read and write through its {@link RebuildBuffer}.
 * <p>
 * <b>Several segments</b> (the processor split, {@code course.query.segments > 1}): other segments, on this node or
 * another, write the same collections at once, so nothing is remembered across batches ({@link #SEVERAL_SEGMENTS}),
 * and a document that events of several segments change (a year, a day of the audit log) must be written by path
 * only ({@link #setEntry}, {@link #removeEntry}, {@link #updatePath}, {@link #write}), never {@link #save}d whole.
 */
public final class BatchedCollection {

    /**
     * A unit-of-work resource: when present (TRUE), the batch's processor is one of several segments, which write
     * the same collections concurrently, so nothing is remembered across batches and every batch reads what it
     * needs from the database ({@link ReadModelProcessorConfiguration} sets it when {@code course.query.segments > 1}).
     */
    public static final String SEVERAL_SEGMENTS = "batched:several-segments";
    /** Documents remembered per collection across batches. */
    static final int CACHED_DOCUMENTS = 4096;
    /** Moves whenever a remembered document may no longer be what the database holds. */
    private static final AtomicLong EPOCH = new AtomicLong();

    /**
     * A unit-of-work resource: the generation ({@link ReadModelGenerations}) this batch writes, set by the processor's
     * interceptor (the live one) or by a rebuild (the next one); absent: generation 0.
     */
    public static final String GENERATION = "batched:generation";

    private final MongoCollection<Document> collection;
    /** Set once the projection bean is known ({@link ProjectionBinder}); null: always generation 0 (a unit test). */
    private volatile String projection;
    private volatile ReadModelGenerations generations;
    /** What the last committed batches read and wrote (one writer only). */
    private final RememberedDocuments committed = new RememberedDocuments(CACHED_DOCUMENTS, EPOCH);

    public BatchedCollection(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /** This collection belongs to {@code projection}, whose generations {@code generations} keeps. */
    void bind(String projection, ReadModelGenerations generations) {
        this.generations = generations;
        this.projection = projection;
        generations.owns(projection, collection.getNamespace().getCollectionName());
    }

    private MongoCollection<Document> collection(int generation) {
        ReadModelGenerations bound = generations;
        return bound == null ? collection : bound.collection(collection.getNamespace().getCollectionName(), generation);
    }

    /** Forgets every document remembered across batches, in every collection (see the class comment). */
    public static void invalidateAll() {
        EPOCH.incrementAndGet();
    }

    /**
     * Drops the live collection (a reset handler) and forgets what was remembered of it. A collection without
     * documents is left as it is: the same empty read model, and the embedded wire server logs the drop of a
     * collection never written (MongoDB's "ns not found", which the driver ignores) as an ERROR.
     */
    public void drop() {
        invalidateAll();
        dropIfWritten(collection());
    }

    /**
     * Drops {@code collection} if it holds a document: an empty one is the same read model, and the embedded wire
     * server logs the drop of a collection never written (MongoDB's "ns not found", which the driver ignores) as an
     * ERROR, which would hide real ones.
     */
    public static void dropIfWritten(MongoCollection<Document> collection) {
        if (collection.find().projection(new Document("_id", 1)).limit(1).first() != null) {
            collection.drop();
        }
    }

    /** The live generation's collection, for queries (see {@link ReadModelGenerations}). */
    public MongoCollection<Document> collection() {
        ReadModelGenerations bound = generations;
        return bound == null ? collection : collection(bound.live(projection));
    }

    /** The collection of this one's name in {@code database} (a fold's scratch copy: {@link ReadModelFolds}). */
    public MongoCollection<Document> in(com.mongodb.client.MongoDatabase database) {
        return database.getCollection(collection.getNamespace().getCollectionName());
    }

    /** The document as this batch left it, or null. */
    public Document find(Object id) {
        PendingWrites pending = pending();
        if (!pending.documents().containsKey(id)) {
            Document known = pending.knownAbsent(id) ? RememberedDocuments.ABSENT
                    : pending.remember() ? committed.get(id, pending.epoch(), pending.generation()) : null;
            pending.documents().put(id, known == RememberedDocuments.ABSENT ? null
                    : known != null ? known : pending.collection().find(Filters.eq("_id", id)).first());
        }
        return pending.documents().get(id);
    }

    /**
     * A new, empty document for the FIRST event of an aggregate's stream (sequence number 0), without asking the
     * database: for a new course that read was a round trip per collection answering "absent" (28 % of the live
     * processor thread, course-bench). Sound because a document is only ever a fold of its aggregate's events:
     * if that first event is delivered again, the processor re-delivers from a token older than it, so every later
     * event of the aggregate follows in order and the fold is rebuilt from the start to the same document. A
     * document saved while the fresh one is pending replaces it whole (no stale entry survives).
     */
    public Document startNew(Object id) {
        Document fresh = new Document("_id", id);
        pending().documents().put(id, fresh);
        return fresh;
    }

    public Document findOrNew(Object id) {
        Document found = find(id);
        return found != null ? found : new Document("_id", id);
    }

    /** Writes the document (replacing the stored one) at the end of the batch. */
    public void save(Document document) {
        PendingWrites pending = pending();
        Object id = document.get("_id");
        pending.documents().put(id, document);
        pending.changed().put(id, document);
        pending.updates().remove(id);
    }

    /**
     * Puts {@code key -> value} into the document's sub-document {@code field} (created if missing), in memory now
     * and, at the end of the batch, as a {@code $set} of that one path (upserting), unless the whole document is
     * written anyway: a year's listing or a report year is not sent and stored whole for one course that changed.
     * The database then holds what {@link #save} of the document would have written (same fields, same order).
     */
    public void setEntry(Document document, String field, String key, Object value) {
        Document entries = document.get(field, Document.class);
        if (entries == null) {
            entries = new Document();
            document.put(field, entries);
        }
        entries.put(key, value);
        fieldChange(document, field, key, value, false);
    }

    /** Removes {@code key} from the document's sub-document {@code field}: a {@code $unset} of that path. */
    public void removeEntry(Document document, String field, String key) {
        Document entries = document.get(field, Document.class);
        if (entries == null || !entries.containsKey(key)) {
            return;
        }
        entries.remove(key);
        fieldChange(document, field, key, null, true);
    }

    private void fieldChange(Document document, String field, String key, Object value, boolean unset) {
        PendingWrites pending = pending();
        Object id = document.get("_id");
        pending.documents().put(id, document);
        if (pending.changed().containsKey(id)) {
            pending.changed().put(id, document); // written whole anyway
            return;
        }
        if (key.indexOf('.') >= 0 || key.startsWith("$") || field.indexOf('.') >= 0) {
            if (!pending.exact()) {
                // several segments write this document at once: written whole, it would undo theirs (the ids the
                // system creates, time-ordered and UUIDs, are plain paths)
                throw new IllegalStateException("Key " + key + " of " + field + " in document " + id
                        + " is not a plain path, and the processor has several segments");
            }
            save(document); // not a plain path: write it whole
            return;
        }
        Document update = pending.updates().computeIfAbsent(id, k -> new Document());
        String path = field + "." + key;
        Document sets = (Document) update.computeIfAbsent("$set", k -> new Document());
        Document unsets = (Document) update.computeIfAbsent("$unset", k -> new Document());
        if (unset) {
            sets.remove(path);
            unsets.put(path, "");
        } else {
            unsets.remove(path);
            sets.put(path, value);
        }
    }

    /**
     * Queues {@code operator} ({@code $set}, {@code $setOnInsert}, ...) of one {@code path} of the document {@code id}
     * for the end of the batch, merged with the batch's other paths of that document into ONE upserting update; the
     * document is not read, nor known in memory: for a collection whose documents the projection never reads back
     * through {@link #find} (the audit log's chunks), written by several segments at once.
     */
    public void updatePath(Object id, String operator, String path, Object value) {
        PendingWrites pending = pending();
        if (pending.changed().containsKey(id) || pending.documents().containsKey(id)) {
            throw new IllegalStateException("Document " + id + " is read or saved whole in this batch; updatePath is "
                    + "for documents never read back");
        }
        Document update = pending.updates().computeIfAbsent(id, k -> new Document());
        ((Document) update.computeIfAbsent(operator, k -> new Document())).put(path, value);
    }

    /**
     * Queues {@code write} for the end of the batch, after the batch's whole-document writes and path updates of this
     * collection, in order: updates with conditions beyond {@code _id} (e.g. {@code $push} to an array element
     * that is matched in the filter), for documents several segments write at once. The caller has changed
     * {@code document} (from {@link #find} or {@link #findOrNew}) in memory the same way: it is what this batch's
     * later {@link #find} answers, and what is remembered after the batch (one segment), as the database holds it.
     */
    public void write(Document document, WriteModel<Document> write) {
        PendingWrites pending = pending();
        pending.documents().put(document.get("_id"), document);
        pending.write(document.get("_id"), write);
    }

    public void delete(Object id) {
        PendingWrites pending = pending();
        pending.documents().put(id, null);
        pending.changed().put(id, null);
        pending.updates().remove(id);
    }

    /** Runs {@code action} once after this batch has committed (e.g. to emit subscription query updates). */
    public static void afterBatchCommit(String key, Consumer<UnitOfWork<?>> action) {
        UnitOfWork<?> uow = CurrentUnitOfWork.get().root();
        uow.getOrComputeResource("after-commit:" + key, k -> {
            uow.afterCommit(action::accept);
            return Boolean.TRUE;
        });
    }

    /** Writes what this unit of work has changed in every batched collection now (a failure fails the batch). */
    public static void flushAll(UnitOfWork<?> unitOfWork) {
        unitOfWork.root().resources().values().forEach(resource -> {
            if (resource instanceof PendingWrites pending) {
                pending.flush();
            }
        });
    }

    private PendingWrites pending() {
        UnitOfWork<?> uow = CurrentUnitOfWork.get().root();
        ReadModelGenerations bound = generations;
        // the live generation unless the unit of work names one (a dead letter's retry runs outside any batch)
        int generation = bound == null ? 0 : uow.getResource(GENERATION) instanceof Integer g ? g : bound.live(projection);
        MongoCollection<Document> target = collection(generation);
        if (uow.getResource(RebuildBuffer.RESOURCE) instanceof RebuildBuffer buffer) {
            return buffer.pending(target, generation); // a rebuild: written when the buffer is full, or at its end
        }
        return uow.getOrComputeResource("batched:" + target.getNamespace().getFullName(), k -> {
            boolean remember = !Boolean.TRUE.equals(uow.getResource(SEVERAL_SEGMENTS));
            PendingWrites created = new PendingWrites(target, EPOCH.get(), remember, generation);
            uow.onPrepareCommit(u -> created.flush());
            if (remember) {
                uow.afterCommit(u -> committed.put(created.documents(), created.epoch(), generation));
            }
            uow.onRollback(u -> invalidateAll());
            return created;
        });
    }
}
