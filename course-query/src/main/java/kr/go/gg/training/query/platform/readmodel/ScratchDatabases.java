package kr.go.gg.training.query.platform.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throwaway databases for folds ({@link ReadModelFolds}): an in-memory MongoDB wire server of this node, on a loopback
 * port, started on first use. Why not temporary collections in the read models' database: a fold then writes nothing
 * the other nodes share (under {@code axonserver} that is the production MongoDB), and a node that dies during a fold
 * leaves nothing behind. The projections' documents are read and written exactly as in MongoDB, by the same driver.
 */
final class ScratchDatabases implements AutoCloseable {

    private final AtomicLong folds = new AtomicLong();
    private MongoServer server;
    private MongoClient client;

    /** A new, empty database; drop it when done. */
    synchronized MongoDatabase create() {
        if (client == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        }
        return client.getDatabase("fold-" + folds.incrementAndGet());
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            server.shutdownNow();
            client = null;
        }
    }
}
