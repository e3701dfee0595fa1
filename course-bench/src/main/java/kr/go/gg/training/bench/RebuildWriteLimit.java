package kr.go.gg.training.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import kr.go.gg.training.query.platform.readmodel.ReadModelGenerations;

/**
 * The rebuild's write limit (issue 17): copies of every document the admin rebuild wrote (every collection of every
 * projection's live generation, read first and not timed) inserted into scratch collections of the same wire server,
 * in bulk writes of the rebuild buffer's size, as many at once as the machine has cores; only the inserts are timed.
 * No rebuild that writes its read models into this store once can be faster than that, whatever it does before, so
 * {@code replay_write_ceiling_ratio} (events / these seconds, of the deserialising read) says how far
 * {@code replay_ratio} can go on it at all.
 */
final class RebuildWriteLimit {

    /** The rebuild buffer's default ({@code course.query.rebuild.buffer-documents}). */
    private static final int BULK = 20_000;
    private static final String SCRATCH = "__write_limit";

    private RebuildWriteLimit() {
    }

    record Result(long documents, double seconds) {
    }

    static Result measure(SystemUnderTest sut) throws Exception {
        ReadModelGenerations generations = sut.bean(ReadModelGenerations.class);
        MongoDatabase database = sut.mongoDatabase();
        List<MongoCollection<Document>> scratch = new ArrayList<>();
        List<Runnable> writes = new ArrayList<>();
        long documents = 0;
        for (String projection : ProcessingGroups.ALL) {
            int live = generations.refresh(projection);
            for (String base : generations.collections(projection)) {
                MongoCollection<Document> copy = database.getCollection(base + SCRATCH);
                copy.drop();
                scratch.add(copy);
                for (List<WriteModel<Document>> bulk : bulks(database.getCollection(ReadModelGenerations.name(base, live)))) {
                    documents += bulk.size();
                    writes.add(() -> copy.bulkWrite(bulk));
                }
            }
        }
        ExecutorService writers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            writes.forEach(write -> running.add(writers.submit(write)));
            for (Future<?> write : running) {
                write.get();
            }
            return new Result(documents, (System.nanoTime() - start) / 1e9);
        } finally {
            writers.shutdownNow();
            scratch.forEach(MongoCollection::drop);
        }
    }

    /** The collection's documents as inserts, in bulks of {@value #BULK}. */
    private static List<List<WriteModel<Document>>> bulks(MongoCollection<Document> collection) {
        List<List<WriteModel<Document>>> bulks = new ArrayList<>();
        List<List<WriteModel<Document>>> open = new ArrayList<>(List.of(new ArrayList<>()));
        ReadModelDigest.eachDocument(collection, document -> {
            List<WriteModel<Document>> bulk = open.get(0);
            bulk.add(new InsertOneModel<>(document));
            if (bulk.size() == BULK) {
                bulks.add(bulk);
                open.set(0, new ArrayList<>());
            }
        });
        if (!open.get(0).isEmpty()) {
            bulks.add(open.get(0));
        }
        return bulks;
    }
}
