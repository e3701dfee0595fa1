package kr.go.gg.training.query.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import kr.go.gg.training.api.TimeOrderedIds;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The wire server's file is written only between messages, so a crash never splits a write (CommitBetweenMessages). */
class ReadModelStoreCommitTest {

    private static final int BULK = 50;

    @TempDir
    Path dataDir;

    private static MongoClient connect(MongoServer server) {
        return MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    private ReadModelStore open() {
        return ReadModelStore.onFile(dataDir.resolve("readmodels.mv"), true, Duration.ZERO, Duration.ofSeconds(1));
    }

    @Test
    void h2s_own_auto_commit_is_off_so_only_the_store_decides_when_the_file_is_written() {
        ReadModelStore store = open();
        try {
            assertThat(store.mvStore().getAutoCommitDelay()).isZero();
            assertThat(store.mvStore().getAutoCommitMemory()).isZero();
        } finally {
            store.destroy();
        }
    }

    @Test
    void a_write_is_on_disk_once_committed_even_if_the_process_dies_right_after() {
        ReadModelStore store = open();
        MongoServer server = new MongoServer(store.backend());
        server.bind("127.0.0.1", 0);
        try (MongoClient client = connect(server)) {
            client.getDatabase("course").getCollection("docs").insertOne(new Document("_id", "kept"));
            assertThat(store.commitNow()).isTrue();
            store.mvStore().closeImmediately(); // a kill -9: nothing more is written
        }
        server.shutdownNow();

        ReadModelStore again = open();
        MongoServer restarted = new MongoServer(again.backend());
        restarted.bind("127.0.0.1", 0);
        try (MongoClient client = connect(restarted)) {
            assertThat(client.getDatabase("course").getCollection("docs").find(Filters.eq("_id", "kept")).first())
                    .isNotNull();
        } finally {
            restarted.shutdown();
            again.destroy();
        }
    }

    @Test
    void a_commit_waits_for_the_message_being_handled() throws Exception {
        MongoBackend delegate = mock(MongoBackend.class);
        CountDownLatch handling = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        when(delegate.handleMessage(any())).thenAnswer(invocation -> {
            handling.countDown();
            finish.await();
            return new de.bwaldvogel.mongo.bson.Document();
        });
        MVStore memory = new MVStore.Builder().autoCommitDisabled().open();
        CommitBetweenMessages backend = new CommitBetweenMessages(delegate, memory);
        try {
            CompletableFuture<?> message = CompletableFuture.runAsync(() -> backend.handleMessage(null));
            assertThat(handling.await(5, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Boolean> commit = CompletableFuture.supplyAsync(backend::commit);
            Thread.sleep(200);
            assertThat(commit).isNotDone();
            finish.countDown();
            assertThat(commit.get(5, TimeUnit.SECONDS)).isTrue();
            message.get(5, TimeUnit.SECONDS);
        } finally {
            finish.countDown();
            memory.close();
        }
    }

    @Test
    void after_a_crash_under_load_every_stored_bulk_write_is_whole_and_every_document_is_found_by_its_id() throws Exception {
        ReadModelStore store = open();
        MongoServer server = new MongoServer(store.backend());
        server.bind("127.0.0.1", 0);
        AtomicBoolean writing = new AtomicBoolean(true);
        try (MongoClient client = connect(server)) {
            MongoCollection<Document> docs = client.getDatabase("course").getCollection("docs");
            Thread writer = new Thread(() -> {
                while (writing.get()) {
                    List<WriteModel<Document>> writes = new ArrayList<>();
                    for (int i = 0; i < BULK; i++) {
                        String id = TimeOrderedIds.next();
                        // as the projections write a new document: an upsert by _id
                        writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), new Document("_id", id).append("n", i),
                                new ReplaceOptions().upsert(true)));
                    }
                    try {
                        docs.bulkWrite(writes);
                    } catch (RuntimeException stopped) {
                        return;
                    }
                }
            });
            writer.start();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
            int commits = 0;
            while (System.nanoTime() < until) {
                if (store.commitNow()) {
                    commits++;
                }
            }
            store.mvStore().closeImmediately(); // a kill -9 in the middle of the writes
            writing.set(false);
            writer.join(10_000);
            assertThat(commits).isGreaterThan(10);
        }
        server.shutdownNow();

        ReadModelStore again = open();
        MongoServer restarted = new MongoServer(again.backend());
        restarted.bind("127.0.0.1", 0);
        try (MongoClient client = connect(restarted)) {
            MongoCollection<Document> docs = client.getDatabase("course").getCollection("docs");
            List<Object> ids = new ArrayList<>();
            docs.find().forEach(document -> ids.add(document.get("_id")));
            assertThat(ids).isNotEmpty();
            assertThat(ids.size() % BULK).as("documents stored: whole bulk writes only").isZero();
            for (Object id : ids) {
                assertThat(docs.find(Filters.eq("_id", id)).first()).as("found by _id: " + id).isNotNull();
            }
            // and a re-delivered insert of a stored document succeeds (the failure this prevents)
            docs.replaceOne(Filters.eq("_id", ids.get(ids.size() - 1)), new Document("_id", ids.get(ids.size() - 1)),
                    new ReplaceOptions().upsert(true));
        } finally {
            restarted.shutdown();
            again.destroy();
        }
    }

    @Test
    void a_store_that_writes_its_file_reports_no_write_problem() {
        ReadModelStore store = open();
        try {
            store.mvStore().openMap("written").put("k", "v");
            assertThat(store.commitNow()).isTrue();
            assertThat(store.writeProblem()).isEmpty();
        } finally {
            store.destroy();
        }
        assertThat(store.writeProblem()).as("closed on shutdown, by the store itself").isEmpty();
    }

    @Test
    void a_store_that_can_no_longer_write_its_file_reports_why() {
        ReadModelStore store = open();
        try {
            store.mvStore().openMap("unwritten").put("k", "v");
            store.mvStore().getFileStore().close(); // the file is gone from under the store, as on a failing disk

            assertThat(store.commitNow()).isFalse();

            assertThat(store.writeProblem()).hasValueSatisfying(problem -> assertThat(problem).contains("readmodels.mv"));
        } finally {
            store.mvStore().closeImmediately();
        }
    }
}
