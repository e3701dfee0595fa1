package kr.go.gg.training.support.keys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The keys of crypto-shredding: one secret key per data subject (here: a trainee), grouped by a scope (its
 * course), shared by every node of both sides and durable like the events. On the embedded default a table beside
 * the events ({@link JdbcSubjectKeyStore}); under {@code axonserver} a MongoDB collection every node reaches
 * ({@link MongoSubjectKeyStore}). Knows no domain: subjects and scopes are ids.
 */
public interface SubjectKeyStore {

    /**
     * A new random key for {@code subject}, or the one it has (a retried command seals with the same key). Inserted
     * first and read only when the subject has a row: a new subject, by far the common case, costs one statement.
     */
    default byte[] create(String subject, String scope) {
        byte[] key = SubjectKeys.newKey();
        if (insertNew(subject, scope, key)) {
            return key;
        }
        SubjectKey known = find(subject).orElseThrow(() ->
                new IllegalStateException("The key of subject " + subject + " was refused as a duplicate but is not found"));
        if (known.destroyed()) {
            throw new IllegalStateException("The key of subject " + subject + " was destroyed; it gets no new one");
        }
        return known.key();
    }

    /** Stores a new key; false when the subject has a row already (another node made it a moment ago). */
    boolean insertNew(String subject, String scope, byte[] key);

    /** Empty when the store never knew the subject. */
    Optional<SubjectKey> find(String subject);

    /** Destroys the subject's key, keeping a tombstone (made if the store never had a key for it). */
    void destroy(String subject, String scope, Instant at);

    /** The retention period of every subject of {@code scope} starts at {@code from} (unless it started before). */
    void startRetention(String scope, Instant from);

    /** Subjects whose key still exists and whose retention began before {@code cutoff}, oldest first, at most {@code limit}. */
    List<SubjectKey> retentionBegunBefore(Instant cutoff, int limit);

    /** How many rows (keys and tombstones) the store holds. */
    long size();
}
