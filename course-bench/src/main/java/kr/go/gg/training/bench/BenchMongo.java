package kr.go.gg.training.bench;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

import de.bwaldvogel.mongo.MongoServer;
import kr.go.gg.training.query.embedded.ReadModelStore;

/**
 * The read models' MongoDB under {@code --axonserver}: the same in-process wire server on the same H2 backend as
 * the embedded default ({@code readmodels.mv} in the data folder, {@link ReadModelStore} with its default compaction
 * and commit interval), but started by the bench on a random loopback port and handed to the system as
 * {@code spring.data.mongodb.uri}, as production hands it a real MongoDB. One instance = one start; {@link #close()}
 * shuts the server down and compacts the file, as the embedded default does when the system stops.
 */
final class BenchMongo implements AutoCloseable {

    static final String DATABASE = "course";

    private final ReadModelStore store;
    private final MongoServer server;

    private BenchMongo(ReadModelStore store, MongoServer server) {
        this.store = store;
        this.server = server;
    }

    static BenchMongo start(Path dataDir) {
        ReadModelStore store = ReadModelStore.onFile(dataDir.resolve("readmodels.mv"), true, Duration.ofSeconds(30),
                Duration.ofSeconds(1));
        store.start();
        MongoServer server = new MongoServer(store.backend());
        server.bind("127.0.0.1", 0);
        return new BenchMongo(store, server);
    }

    /** {@code mongodb://127.0.0.1:PORT/course}. */
    String uri() {
        InetSocketAddress address = server.getLocalAddress();
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + DATABASE;
    }

    @Override
    public void close() {
        try {
            server.shutdown();
        } finally {
            store.destroy();
        }
    }
}
