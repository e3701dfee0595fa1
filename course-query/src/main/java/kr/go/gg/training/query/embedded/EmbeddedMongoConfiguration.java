package kr.go.gg.training.query.embedded;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: an in-process MongoDB wire server on a loopback port ({@code course.mongo.port}). The real driver talks to
 * it over TCP exactly as it would to MongoDB, so no projection code knows which one it runs against.
 * Off by {@code course.mongo.embedded=false} (and in the {@code axonserver} profile): then
 * {@code spring.data.mongodb.uri} names a real MongoDB.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedMongoConfiguration.Embedded.class)
public class EmbeddedMongoConfiguration {

    /** {@code course.mongo.embedded}, by default true except in the {@code axonserver} profile. */
    static class Embedded extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            String configured = environment.getProperty("course.mongo.embedded");
            boolean embedded = configured != null
                    ? Boolean.parseBoolean(configured.strip())
                    : !environment.acceptsProfiles(Profiles.of("axonserver"));
            return new ConditionOutcome(embedded, "course.mongo.embedded=" + configured + ", profiles "
                    + String.join(",", environment.getActiveProfiles()));
        }
    }

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    /**
     * The server's backend: the H2 file {@code readmodels.mv} in {@code course.data-dir}, kept bounded while running
     * and compacted when it closes ({@link ReadModelStore}; {@code course.mongo.compaction}, default true, and
     * {@code course.mongo.compaction-interval}, default 30s), written to the file between messages every
     * {@code course.mongo.commit-interval} (default 1s), or memory ({@code course.mongo.persistent=false}).
     * Destroyed after the server, which depends on it: the file is compacted once the server has closed it.
     */
    @Bean
    public ReadModelStore readModelStore(@Value("${course.data-dir:./data}") Path dataDir,
                                         @Value("${course.mongo.persistent:true}") boolean persistent,
                                         @Value("${course.mongo.compaction:true}") boolean compaction,
                                         @Value("${course.mongo.compaction-interval:30s}") Duration compactionInterval,
                                         @Value("${course.mongo.commit-interval:1s}") Duration commitInterval) throws IOException {
        if (!persistent) {
            return ReadModelStore.inMemory();
        }
        Files.createDirectories(dataDir);
        ReadModelStore store = ReadModelStore.onFile(dataDir.resolve("readmodels.mv"), compaction, compactionInterval,
                commitInterval);
        log.info("Embedded MongoDB wire server on H2 file {} (compaction {})", store.file(), compaction ? "on" : "off");
        return store;
    }

    /**
     * On loopback, port {@code course.mongo.port} (27018 by default, beside a real MongoDB's 27017; 0: any free
     * port, as the tests use), so {@code mongosh} can look at the read models (docs/operations.md). Destroyed after
     * Axon's processors have stopped (they stop in the lifecycle phase, beans are destroyed afterwards) and after the
     * MongoClient that depends on it: tokens and read models are flushed together.
     */
    @Bean(destroyMethod = "shutdown")
    public MongoServer embeddedMongoServer(ReadModelStore readModelStore, @Value("${course.mongo.port:27018}") int port) {
        MongoServer server = new MongoServer(readModelStore.backend().version(ReportedVersion.MONGO_4_4));
        try {
            server.bind("127.0.0.1", port);
        } catch (Exception e) { // Netty throws the BindException unchecked
            server.shutdownNow();
            throw new IllegalStateException("The embedded MongoDB cannot listen on 127.0.0.1:" + port + " (another "
                    + "instance running?): choose another port with --course.mongo.port=N (0: any free port)", e);
        }
        log.info("Embedded MongoDB wire server on mongodb://127.0.0.1:{}", server.getLocalAddress().getPort());
        return server;
    }

    /**
     * The server version the wire server reports. mongo-java-server's newest, {@code MONGO_5_0}, says wire version 8;
     * the Node.js driver 7 (mongosh 2.x) refuses anything below 9 (MongoDB 4.4). The commands the read models and
     * mongosh's look-ups use (find, aggregate, bulk writes, indexes) are the same; nothing here depends on 4.4's own.
     */
    enum ReportedVersion implements MongoVersion {
        MONGO_4_4;

        @Override
        public List<Integer> getVersionArray() {
            return List.of(4, 4, 0);
        }

        @Override
        public int getWireVersion() {
            return 9;
        }
    }

    /**
     * {@code readModelFile}: DOWN while the read models cannot be written to their file ({@link ReadModelStore#writeProblem});
     * its details (ADMIN only) name the file and the address mongosh connects to.
     */
    @Bean
    public HealthIndicator readModelFileHealthIndicator(ReadModelStore readModelStore, MongoServer embeddedMongoServer,
                                                        @Value("${spring.data.mongodb.database:course}") String database) {
        return () -> {
            String where = readModelStore.file() == null ? "memory" : readModelStore.file().toString();
            String uri = uri(embeddedMongoServer.getLocalAddress(), database);
            return readModelStore.writeProblem()
                    .map(problem -> Health.down().withDetail("file", where).withDetail("uri", uri).withDetail("problem", problem))
                    .orElseGet(() -> Health.up().withDetail("file", where).withDetail("uri", uri)).build();
        };
    }

    private static String uri(InetSocketAddress address, String database) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
    }

    /** Boot's MongoAutoConfiguration builds the one MongoClient from these details. */
    @Bean
    public MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer embeddedMongoServer,
                                                                 @Value("${spring.data.mongodb.database:course}") String database) {
        ConnectionString connection = new ConnectionString(uri(embeddedMongoServer.getLocalAddress(), database));
        return () -> connection;
    }
}
