package kr.go.gg.training.query.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import java.util.List;
import java.util.function.Function;
import kr.go.gg.training.query.MongoProjectionTest;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Documents remembered across batches, and every event that makes them untrusted. */
class BatchedCollectionTest extends MongoProjectionTest {

    /** Runs {@code work} as one batch of one event; the result, or the exception if the batch failed. */
    private static <R> Object batch(Function<BatchingUnitOfWork<EventMessage<?>>, R> work) {
        BatchingUnitOfWork<EventMessage<?>> uow = new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("e")));
        var result = uow.executeWithResult(() -> work.apply(uow), RollbackConfigurationType.ANY_THROWABLE);
        return result.isExceptional() ? result.exceptionResult() : result.getPayload();
    }

    private static Object valueIn(BatchedCollection batched, String id) {
        return batch(u -> {
            Document d = batched.find(id);
            return d == null ? "absent" : d.get("value");
        });
    }

    private void writeBehindItsBack(String id, int value) {
        database.getCollection("c").replaceOne(Filters.eq("_id", id), new Document("_id", id).append("value", value),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    @Test
    void aBatchReadsWhatTheLastCommittedBatchWroteFromMemoryUntilTheCachesAreInvalidated() {
        BatchedCollection batched = new BatchedCollection(database.getCollection("c"));
        batch(u -> {
            batched.save(batched.findOrNew("a").append("value", 1));
            return null;
        });
        writeBehindItsBack("a", 2); // only another writer could do this: the cache does not see it
        assertThat(valueIn(batched, "a")).isEqualTo(1);

        BatchedCollection.invalidateAll(); // e.g. the token was claimed again
        assertThat(valueIn(batched, "a")).isEqualTo(2);
    }

    @Test
    void theFirstEventOfAStreamStartsItsDocumentWithoutReadingTheDatabaseAndReplacesWhatItHeld() {
        BatchedCollection batched = new BatchedCollection(database.getCollection("c"));
        database.getCollection("c").insertOne(new Document("_id", "n").append("value", 7).append("stale", true));

        Object started = batch(u -> {
            Document fresh = batched.startNew("n");
            Object staleSeen = fresh.get("stale"); // had it been read, the stored fields would be here
            batched.save(fresh.append("value", 1));
            return staleSeen == null ? "not read" : "read";
        });

        assertThat(started).isEqualTo("not read");
        assertThat(database.getCollection("c").find(Filters.eq("_id", "n")).first())
                .isEqualTo(new Document("_id", "n").append("value", 1));
        assertThat(valueIn(batched, "n")).isEqualTo(1);
    }

    @Test
    void aBatchThatRollsBackLeavesNothingRemembered() {
        BatchedCollection batched = new BatchedCollection(database.getCollection("c"));
        batch(u -> {
            batched.save(batched.findOrNew("a").append("value", 1));
            return null;
        });
        Object failed = batch(u -> {
            batched.find("a").put("value", 99); // changed in memory, never written
            throw new IllegalStateException("bulk write failed");
        });
        assertThat(failed).isInstanceOf(IllegalStateException.class);
        assertThat(valueIn(batched, "a")).isEqualTo(1);
        assertThat(database.getCollection("c").find(Filters.eq("_id", "a")).first().get("value")).isEqualTo(1);
    }

    @Test
    void droppingTheCollectionForgetsItsDocumentsAndAbsentIdsAreRemembered() {
        BatchedCollection batched = new BatchedCollection(database.getCollection("c"));
        assertThat(valueIn(batched, "b")).isEqualTo("absent");
        writeBehindItsBack("b", 5);
        assertThat(valueIn(batched, "b")).isEqualTo("absent"); // remembered as absent

        batched.drop();
        writeBehindItsBack("b", 6);
        assertThat(valueIn(batched, "b")).isEqualTo(6);
    }

    @Test
    void theTokenStoreInvalidatesOnClaimAndReleaseButNotOnStore() {
        BatchedCollection batched = new BatchedCollection(database.getCollection("c"));
        var store = new ClaimWatchingTokenStore(new org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore());
        store.initializeTokenSegments("p", 1);
        store.fetchToken("p", 0);
        assertThat(valueIn(batched, "a")).isEqualTo("absent");
        writeBehindItsBack("a", 1);
        store.storeToken(null, "p", 0);
        store.extendClaim("p", 0);
        assertThat(valueIn(batched, "a")).isEqualTo("absent");

        store.releaseClaim("p", 0);
        assertThat(valueIn(batched, "a")).isEqualTo(1);
        writeBehindItsBack("a", 2);
        store.fetchToken("p", 0);
        assertThat(valueIn(batched, "a")).isEqualTo(2);
    }

    @Test
    void aChangedEntryIsWrittenAsASetOfItsPathAndAFirstEntryCreatesTheDocument() {
        BatchedCollection batched = new BatchedCollection(database.getCollection("c"));
        batch(u -> {
            batched.setEntry(batched.findOrNew(2030), "courses", "x", new Document("title", "X"));
            return null;
        });
        var stored = database.getCollection("c");
        assertThat(stored.find(Filters.eq("_id", 2030)).first())
                .isEqualTo(new Document("_id", 2030).append("courses", new Document("x", new Document("title", "X"))));

        // only the paths the batch changed are sent: a field the batch did not touch is not rewritten
        stored.updateOne(Filters.eq("_id", 2030), new Document("$set", new Document("courses.other", "kept")));
        BatchedCollection.invalidateAll();
        batch(u -> {
            Document year = batched.find(2030);
            batched.setEntry(year, "courses", "y", new Document("title", "Y"));
            batched.removeEntry(year, "courses", "x");
            return null;
        });
        assertThat(stored.find(Filters.eq("_id", 2030)).first().get("courses", Document.class))
                .isEqualTo(new Document("other", "kept").append("y", new Document("title", "Y")));
    }

    @Test
    void aDocumentSavedWholeInTheSameBatchIsWrittenWhole() {
        BatchedCollection batched = new BatchedCollection(database.getCollection("c"));
        batch(u -> {
            Document chunk = new Document("_id", "u|d|0").append("user", "u").append("entries", new Document());
            batched.save(chunk);
            batched.setEntry(chunk, "entries", "e1", new Document("n", 1));
            return null;
        });
        assertThat(database.getCollection("c").find(Filters.eq("_id", "u|d|0")).first())
                .isEqualTo(new Document("_id", "u|d|0").append("user", "u").append("entries",
                        new Document("e1", new Document("n", 1))));
    }

    @Test
    void anEntrySetAndRemovedInOneBatchLeavesWhatTwoBatchesLeave() {
        BatchedCollection twoBatches = new BatchedCollection(database.getCollection("two"));
        batch(u -> {
            twoBatches.setEntry(twoBatches.findOrNew(2026), "courses", "c1", "summary");
            return null;
        });
        batch(u -> {
            twoBatches.removeEntry(twoBatches.find(2026), "courses", "c1");
            return null;
        });
        BatchedCollection oneBatch = new BatchedCollection(database.getCollection("one"));
        batch(u -> {
            Document year = oneBatch.findOrNew(2026);
            oneBatch.setEntry(year, "courses", "c1", "summary");
            oneBatch.removeEntry(year, "courses", "c1");
            return null;
        });

        Document expected = new Document("_id", 2026).append("courses", new Document());
        assertThat(database.getCollection("two").find().first()).isEqualTo(expected);
        assertThat(database.getCollection("one").find().first()).isEqualTo(expected); // a replay builds what live built
    }
}
