package kr.go.gg.training.query.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A rebuild's buffer writes what the live batches write, inserting the documents its generation never held. */
class RebuildBufferTest {

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    /** The write commands sent, by collection: "insert:rebuilt", "update:rebuilt", ... */
    private final List<String> commands = new CopyOnWriteArrayList<>();
    /** The update statements sent to "rebuilt", as JSON. */
    private final List<String> updates = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                String name = event.getCommandName();
                if (List.of("insert", "update", "delete").contains(name)) {
                    commands.add(name + ":" + event.getCommand().getString(name).getValue());
                    if (name.equals("update") && event.getCommand().getString(name).getValue().equals("rebuilt")) {
                        event.getCommand().getArray("updates").forEach(u -> updates.add(u.asDocument().toJson()));
                    }
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(server.bindAndGetConnectionString()))
                .addCommandListener(listener).build());
        database = client.getDatabase("rebuild");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    /** One batch of one event, through {@code buffer} when given (a rebuild), else as a live batch. */
    private static void batch(RebuildBuffer buffer, Runnable work) {
        BatchingUnitOfWork<EventMessage<?>> uow = new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("e")));
        if (buffer != null) {
            buffer.attach(uow, 0);
        }
        var result = uow.executeWithResult(() -> {
            work.run();
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new IllegalStateException(result.exceptionResult());
        }
    }

    /** The same history of one collection, written in three rounds (each round: written before the next). */
    private static List<Consumer<BatchedCollection>> history() {
        return List.of(c -> {
            c.save(c.startNew("a").append("n", 1));
            c.save(c.findOrNew("b").append("n", 1));
            c.setEntry(c.findOrNew("y"), "courses", "c1", "x");
            c.write(c.findOrNew("w").append("n", 1), new UpdateOneModel<>(Filters.eq("_id", "w"),
                    new Document("$set", new Document("n", 1)), new UpdateOptions().upsert(true)));
            c.save(c.findOrNew("gone").append("n", 1));
            c.delete("never");
        }, c -> {
            c.save(c.find("a").append("n", 2));
            c.delete("gone");
            c.setEntry(c.find("y"), "courses", "c2", "z");
        }, c -> {
            c.save(c.findOrNew("gone").append("n", 3)); // written, deleted, written again
            c.save(c.find("w").append("m", 1));
        });
    }

    private static List<Document> all(MongoCollection<Document> collection) {
        return collection.find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    @Test
    void aRebuildInsertsTheDocumentsItNeverWroteAndEndsWithWhatTheLiveBatchesWrote() {
        BatchedCollection live = new BatchedCollection(database.getCollection("live"));
        history().forEach(round -> batch(null, () -> round.accept(live)));
        BatchedCollection rebuilt = new BatchedCollection(database.getCollection("rebuilt"));
        RebuildBuffer buffer = new RebuildBuffer(1_000);
        for (Consumer<BatchedCollection> round : history()) {
            batch(buffer, () -> round.accept(rebuilt));
            buffer.flush(); // each round lands before the next: the later rounds find what it wrote
        }

        assertThat(all(database.getCollection("rebuilt"))).isEqualTo(all(database.getCollection("live")))
                .hasSize(5);
        // round 1: a, b, gone inserted (the delete of "never" sent nothing), y and w upserted; round 2: a replaced,
        // gone deleted, y updated; round 3: gone inserted again, w replaced
        assertThat(commands.stream().filter(c -> c.endsWith(":rebuilt")).toList())
                .containsExactly("insert:rebuilt", "update:rebuilt", "update:rebuilt", "delete:rebuilt",
                        "update:rebuilt", "insert:rebuilt", "update:rebuilt");
    }

    @Test
    void anInsertThatFindsItsDocumentThereReplacesItAndTheWritesAfterItStillRun() {
        MongoCollection<Document> stored = database.getCollection("rebuilt");
        stored.insertOne(new Document("_id", "b").append("stale", true)); // not what a rebuild ever finds
        BatchedCollection rebuilt = new BatchedCollection(stored);
        RebuildBuffer buffer = new RebuildBuffer(1_000);
        batch(buffer, () -> {
            rebuilt.save(rebuilt.startNew("a").append("n", 1));
            rebuilt.save(rebuilt.startNew("b").append("n", 1));
            rebuilt.save(rebuilt.startNew("c").append("n", 1));
        });
        buffer.flush();

        assertThat(all(stored)).containsExactly(new Document("_id", "a").append("n", 1),
                new Document("_id", "b").append("n", 1), new Document("_id", "c").append("n", 1));
    }

    @Test
    void pathsSetUnderOneFieldOfADocumentItNeverWroteAreSentAsThatFieldAndBuildWhatTheLiveBatchesBuilt() {
        Consumer<BatchedCollection> chunk = c -> {
            for (String entry : List.of("e2", "e1", "e3")) {
                c.updatePath("u|d|0", "$setOnInsert", "user", "u");
                c.updatePath("u|d|0", "$set", "entries." + entry, new Document("n", entry));
            }
        };
        Consumer<BatchedCollection> more = c -> c.updatePath("u|d|0", "$set", "entries.e4", new Document("n", "e4"));
        BatchedCollection live = new BatchedCollection(database.getCollection("live"));
        batch(null, () -> chunk.accept(live));
        batch(null, () -> more.accept(live));
        BatchedCollection rebuilt = new BatchedCollection(database.getCollection("rebuilt"));
        RebuildBuffer buffer = new RebuildBuffer(1_000);
        batch(buffer, () -> chunk.accept(rebuilt));
        buffer.flush();
        batch(buffer, () -> more.accept(rebuilt)); // written by then: by path again
        buffer.flush();

        // field order included (a digest of the bytes, as course-bench compares)
        assertThat(database.getCollection("rebuilt").find().first().toJson())
                .isEqualTo(database.getCollection("live").find().first().toJson());
        assertThat(updates).hasSize(2);
        assertThat(updates.get(0)).contains("\"$set\": {\"entries\": {\"e2\"").doesNotContain("entries.e1");
        assertThat(updates.get(1)).contains("\"entries.e4\"");
    }
}
