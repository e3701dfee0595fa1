package kr.go.gg.training.query.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

/**
 * A collection as one processor batch sees it: documents are read once per batch (by {@code _id}), changed
 * in memory by every event of the batch, and written back as ONE {@code bulkWrite} per collection at the end
 * of the batch: by {@link #flushAll} after the batch's last event (the processors' interceptor, see
 * {@link ReadModelConfiguration}), else when the unit of work prepares to commit. The processor stores its
 * token after that, so without transactions a crash in between (or the wire server losing its last second)
 * re-delivers events rather than skipping them: every handler is idempotent.
 */
public final class BatchedCollection {

    private final MongoCollection<Document> collection;
    private final String resourceKey;

    public BatchedCollection(MongoCollection<Document> collection) {
        this.collection = collection;
        this.resourceKey = "batched:" + collection.getNamespace().getFullName();
    }

    public MongoCollection<Document> collection() {
        return collection;
    }

    /** The document as this batch left it, or null. */
    public Document find(Object id) {
        Pending pending = pending();
        if (!pending.documents.containsKey(id)) {
            pending.documents.put(id, collection.find(Filters.eq("_id", id)).first());
        }
        return pending.documents.get(id);
    }

    public Document findOrNew(Object id) {
        Document found = find(id);
        return found != null ? found : new Document("_id", id);
    }

    /** Writes the document (replacing the stored one) at the end of the batch. */
    public void save(Document document) {
        Pending pending = pending();
        Object id = document.get("_id");
        pending.documents.put(id, document);
        pending.changed.put(id, document);
    }

    public void delete(Object id) {
        Pending pending = pending();
        pending.documents.put(id, null);
        pending.changed.put(id, null);
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
            if (resource instanceof Pending pending) {
                pending.flush();
            }
        });
    }

    private Pending pending() {
        UnitOfWork<?> uow = CurrentUnitOfWork.get().root();
        return uow.getOrComputeResource(resourceKey, k -> {
            Pending created = new Pending(collection);
            uow.onPrepareCommit(u -> created.flush());
            return created;
        });
    }

    private static final class Pending {
        private final MongoCollection<Document> collection;
        private final Map<Object, Document> documents = new HashMap<>();
        private final Map<Object, Document> changed = new LinkedHashMap<>();

        private Pending(MongoCollection<Document> collection) {
            this.collection = collection;
        }

        private void flush() {
            if (changed.isEmpty()) {
                return;
            }
            List<WriteModel<Document>> writes = new ArrayList<>(changed.size());
            ReplaceOptions upsert = new ReplaceOptions().upsert(true);
            for (Map.Entry<Object, Document> change : changed.entrySet()) {
                writes.add(change.getValue() == null
                        ? new DeleteOneModel<>(Filters.eq("_id", change.getKey()))
                        : new ReplaceOneModel<>(Filters.eq("_id", change.getKey()), change.getValue(), upsert));
            }
            collection.bulkWrite(writes);
            changed.clear();
        }
    }
}
