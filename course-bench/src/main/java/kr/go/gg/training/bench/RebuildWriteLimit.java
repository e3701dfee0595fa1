package kr.go.gg.training.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

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
        MongoDatabase database = sut.mongoDatabase();
        List<MongoCollection<Document>> scratch = new ArrayList<>();
        List<Runnable> writes = new ArrayList<>();
        long documents = 0;
        for (Map.Entry<String, MongoCollection<Document>> live : ReadModelDigest.liveCollections(sut).entrySet()) {
            MongoCollection<Document> copy = database.getCollection(live.getKey() + SCRATCH);
            copy.drop();
            scratch.add(copy);
            List<WriteModel<Document>> inserts = new ArrayList<>();
            ReadModelDigest.eachDocument(live.getValue(), document -> inserts.add(new InsertOneModel<>(document)));
            documents += inserts.size();
            for (int from = 0; from < inserts.size(); from += BULK) {
                List<WriteModel<Document>> bulk = inserts.subList(from, Math.min(inserts.size(), from + BULK));
                writes.add(() -> copy.bulkWrite(bulk));
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
}
