package kr.go.gg.training.query.embedded;

import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

/**
 * mongo-java-server's H2 backend, with its indexes' keys compared without serialising them on every comparison.
 * An index is an {@link MVMap} keyed by {@link KeyValue}, which is not {@link Comparable}, so H2's
 * {@link ObjectDataType} compares two keys by Java-serialising both, for each of the ~17 comparisons of a lookup:
 * 55 % of the wire server's CPU in course-bench's rebuild (JFR), and every live batch's read and upsert pays it too.
 * {@link IndexKeys} compares the very same bytes in the very same order (the file format and the order of the stored
 * B-trees stay as they are, so existing files read as before), but serialises each key object only once.
 */
final class IndexedH2Backend extends H2Backend {

    /** The store of the database being constructed (its constructor opens the indexes before a field could be set). */
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    IndexedH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        OPENING.set(getMvStore());
        try {
            return new IndexedDatabase(databaseName, getMvStore(), getCursorRegistry());
        } finally {
            OPENING.remove();
        }
    }

    private static final class IndexedDatabase extends H2Database {

        private final MVStore store;

        IndexedDatabase(String databaseName, MVStore store, CursorRegistry cursors) {
            super(databaseName, store, cursors);
            this.store = store;
        }

        /** Opens the index's map with {@link IndexKeys} first; H2Database then finds it open and uses it. */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            MVStore mvStore = store != null ? store : OPENING.get();
            // H2Database's own name of an index's map
            mvStore.openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                    new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeys()));
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
    }

    /**
     * H2's {@link ObjectDataType} (same reading and writing), comparing two {@link KeyValue}s as it does, by their
     * serialised bytes ({@link ObjectDataType#compareNotNull}), with each key object's bytes remembered while the
     * object lives (weak keys: identity; a key of a page H2 evicted goes with the page).
     */
    static final class IndexKeys extends ObjectDataType {

        /** Shared by every index (weak identity keys); one type per map, as H2 keeps one per map. */
        private static final Cache<Object, byte[]> SERIALIZED = Caffeine.newBuilder().weakKeys()
                .maximumSize(1 << 18).build();

        @Override
        public int compare(Object a, Object b) {
            if (a != b && a instanceof KeyValue && b instanceof KeyValue) {
                return ObjectDataType.compareNotNull(bytes(a), bytes(b));
            }
            return super.compare(a, b);
        }

        private byte[] bytes(Object key) {
            return SERIALIZED.get(key, ObjectDataType::serialize);
        }
    }
}
