package kr.go.gg.training.support.keys;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Keys under {@code axonserver}: collection {@value #COLLECTION} in a database of its own on the production MongoDB
 * (the query nodes' server; the command nodes connect to it for this alone). Own database: a read-model rebuild
 * never touches it, and its backups and permissions are set apart (docs/privacy.md). Writes wait for a majority,
 * so a key a command sealed with survives the loss of the primary.
 */
public class MongoSubjectKeyStore implements SubjectKeyStore, AutoCloseable {

    public static final String COLLECTION = "personalDataKeys";
    private final AutoCloseable client;
    private final MongoCollection<Document> keys;
    private volatile boolean indexed;

    /** {@code client}: closed with this store (null: the caller's). */
    public MongoSubjectKeyStore(AutoCloseable client, MongoDatabase database) {
        this.client = client;
        this.keys = database.getCollection(COLLECTION).withWriteConcern(WriteConcern.MAJORITY);
    }

    /** On first write, not at start: a node starts while MongoDB is still away (it retries on the next write). */
    private void ensureIndexes() {
        if (!indexed) {
            keys.createIndex(Indexes.ascending("scope"));
            keys.createIndex(Indexes.ascending("retentionFrom"), new IndexOptions().sparse(true));
            indexed = true;
        }
    }

    @Override
    public boolean insertNew(String subject, String scope, byte[] key) {
        ensureIndexes();
        try {
            keys.insertOne(new Document("_id", subject).append("scope", scope).append("secret", new Binary(key))
                    .append("createdAt", new Date()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }

    @Override
    public Optional<SubjectKey> find(String subject) {
        return Optional.ofNullable(keys.find(eq("_id", subject)).first()).map(MongoSubjectKeyStore::key);
    }

    @Override
    public void destroy(String subject, String scope, Instant at) {
        keys.updateOne(eq("_id", subject), Updates.combine(Updates.unset("secret"), Updates.setOnInsert("scope", scope),
                Updates.setOnInsert("createdAt", Date.from(at))), new UpdateOptions().upsert(true));
        keys.updateOne(and(eq("_id", subject), eq("destroyedAt", null)), Updates.set("destroyedAt", Date.from(at)));
    }

    @Override
    public void startRetention(String scope, Instant from) {
        keys.updateMany(and(eq("scope", scope), eq("retentionFrom", null)), Updates.set("retentionFrom", Date.from(from)));
    }

    @Override
    public List<SubjectKey> retentionBegunBefore(Instant cutoff, int limit) {
        return keys.find(and(ne("secret", null), lt("retentionFrom", Date.from(cutoff))))
                .sort(Indexes.ascending("retentionFrom")).limit(limit).map(MongoSubjectKeyStore::key).into(new ArrayList<>());
    }

    @Override
    public long size() {
        return keys.countDocuments();
    }

    @Override
    public void close() throws Exception {
        if (client != null) {
            client.close();
        }
    }

    private static SubjectKey key(Document row) {
        Binary secret = row.get("secret", Binary.class);
        return new SubjectKey(row.getString("_id"), row.getString("scope"), secret == null ? null : secret.getData(),
                instant(row.getDate("retentionFrom")), instant(row.getDate("destroyedAt")));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
