package kr.go.gg.training.query.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wire server's indexes compare their keys as mongo-java-server's own H2 backend does (same bytes, same order), so
 * a file written by the plain backend is read, and written on, by {@link IndexedH2Backend} alike, and the other way
 * round: every document is found by its unique keys, duplicates are refused, the order of an index is the same.
 */
class IndexedH2BackendTest {

    @TempDir
    Path dataDir;

    @Test
    void a_file_of_the_plain_backend_is_read_and_extended_alike_and_the_plain_backend_reads_the_result() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            ids.add(i % 3 == 0 ? UUID.randomUUID().toString() : i % 3 == 1 ? "2016:" + UUID.randomUUID() : "k" + i);
        }
        List<String> firstHalf = ids.subList(0, 300);
        List<String> secondHalf = ids.subList(300, 600);
        withServer(H2Backend::new, collection -> {
            collection.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
            firstHalf.forEach(id -> collection.insertOne(new Document("_id", id).append("code", "c-" + id)));
        });
        withServer(IndexedH2Backend::new, collection -> {
            firstHalf.forEach(id -> assertThat(collection.find(Filters.eq("code", "c-" + id)).first()).isNotNull());
            secondHalf.forEach(id -> collection.insertOne(new Document("_id", id).append("code", "c-" + id)));
            assertThatThrownBy(() -> collection.insertOne(new Document("_id", "fresh").append("code", "c-" + ids.get(7))))
                    .isInstanceOf(MongoWriteException.class);
            assertThatThrownBy(() -> collection.insertOne(new Document("_id", ids.get(5))))
                    .isInstanceOf(MongoWriteException.class);
        });
        List<Object> plainOrder = new ArrayList<>();
        withServer(H2Backend::new, collection -> {
            ids.forEach(id -> assertThat(collection.find(Filters.eq("_id", id)).first()).as(id).isNotNull());
            ids.forEach(id -> assertThat(collection.find(Filters.eq("code", "c-" + id)).first()).as(id).isNotNull());
            collection.find(Filters.regex("_id", "^2016:")).forEach(d -> plainOrder.add(d.get("_id")));
        });
        withServer(IndexedH2Backend::new, collection -> {
            List<Object> indexedOrder = new ArrayList<>();
            collection.find(Filters.regex("_id", "^2016:")).forEach(d -> indexedOrder.add(d.get("_id")));
            assertThat(indexedOrder).hasSize(200).isEqualTo(plainOrder);
            assertThat(collection.find().sort(Sorts.ascending("_id")).into(new ArrayList<>())).hasSize(600);
        });
    }

    private void withServer(Function<MVStore, MongoBackend> backend, java.util.function.Consumer<MongoCollection<Document>> use) {
        MVStore store = new MVStore.Builder().fileName(dataDir.resolve("readmodels.mv").toString()).open();
        MongoBackend opened = backend.apply(store);
        MongoServer server = new MongoServer(opened);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            use.accept(client.getDatabase("course").getCollection("rows"));
        } finally {
            server.shutdown();
            store.close();
        }
    }
}
