package kr.go.gg.training.query.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read-model file is compressed (the wire server stores each document Java-serialised, field names and class
 * descriptors over and over): the read models were 4.3 times the event payloads at 3,600 courses in course-bench.
 */
class ReadModelStoreCompressionTest {

    private static final int DOCUMENTS = 2_000;

    @TempDir
    Path dataDir;

    @Test
    void the_store_writes_the_same_documents_into_less_than_half_the_room_of_an_uncompressed_file() throws Exception {
        Path plain = dataDir.resolve("plain.mv");
        MVStore uncompressed = new MVStore.Builder().fileName(plain.toString()).autoCommitDisabled().open();
        write(new IndexedH2Backend(uncompressed));
        uncompressed.close();
        org.h2.mvstore.MVStoreTool.compact(plain.toString(), false); // to its live size, as the store does on shutdown
        Path compressed = dataDir.resolve("readmodels.mv");
        ReadModelStore store = ReadModelStore.onFile(compressed, true, Duration.ZERO, Duration.ofSeconds(1));
        write(store.backend());
        store.destroy(); // closes and compacts the file, as on shutdown

        assertThat(Files.size(compressed)).isLessThan(Files.size(plain) / 2);
    }

    @Test
    void a_file_written_without_compression_reads_as_before_and_takes_new_writes() throws Exception {
        Path file = dataDir.resolve("readmodels.mv");
        MVStore earlier = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        write(new IndexedH2Backend(earlier)); // as the versions before compression wrote it
        earlier.close();

        ReadModelStore store = ReadModelStore.onFile(file, true, Duration.ZERO, Duration.ofSeconds(1));
        MongoServer server = new MongoServer(store.backend());
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> trainees = client.getDatabase("course").getCollection("trainees");
            assertThat(trainees.countDocuments()).isEqualTo(DOCUMENTS);
            assertThat(trainees.find(new Document("_id", "t-1999")).first()).isEqualTo(trainee(1999));
            trainees.insertOne(new Document("_id", "t-new"));
            assertThat(store.commitNow()).isTrue();
        } finally {
            server.shutdown();
            store.destroy();
        }
        ReadModelStore again = ReadModelStore.onFile(file, true, Duration.ZERO, Duration.ofSeconds(1));
        MongoServer restarted = new MongoServer(again.backend());
        restarted.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + restarted.getLocalAddress().getPort())) {
            assertThat(client.getDatabase("course").getCollection("trainees").countDocuments()).isEqualTo(DOCUMENTS + 1);
        } finally {
            restarted.shutdown();
            again.destroy();
        }
    }

    /** {@value #DOCUMENTS} trainee-like documents through the wire server, committed. */
    private static void write(MongoBackend backend) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                documents.add(trainee(i));
            }
            client.getDatabase("course").getCollection("trainees").insertMany(documents);
        } finally {
            server.shutdown(); // closes the backend: its store commits and closes
        }
    }

    /** A roster-like document: nested entries repeating their field names and many of their values, as the read models do. */
    private static Document trainee(int i) {
        List<Document> entries = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            entries.add(new Document("traineeId", "t-" + i + "-" + t).append("country", t % 2 == 0 ? "KH" : "LA")
                    .append("level", "DIRECTOR").append("status", "PARTICIPATED").append("version", (long) t));
        }
        return new Document("_id", "t-" + i).append("courseId", "c-" + (i / 20)).append("erased", false)
                .append("trainees", entries);
    }
}
