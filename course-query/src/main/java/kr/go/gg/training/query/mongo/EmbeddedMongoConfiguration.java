package kr.go.gg.training.query.mongo;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: an in-process MongoDB wire server on a free loopback port. The real driver talks to
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
     * Destroyed after Axon's processors have stopped (they stop in the lifecycle phase, beans are destroyed
     * afterwards) and after the MongoClient that depends on it: tokens and read models are flushed together.
     */
    @Bean(destroyMethod = "shutdown")
    public MongoServer embeddedMongoServer(@Value("${course.data-dir:./data}") Path dataDir,
                                           @Value("${course.mongo.persistent:true}") boolean persistent) throws IOException {
        MongoServer server;
        if (persistent) {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve("readmodels.mv").toAbsolutePath();
            server = new MongoServer(new H2Backend(file.toString()));
            log.info("Embedded MongoDB wire server on H2 file {}", file);
        } else {
            server = new MongoServer(new MemoryBackend());
        }
        server.bind("127.0.0.1", 0);
        return server;
    }

    /** Boot's MongoAutoConfiguration builds the one MongoClient from these details. */
    @Bean
    public MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer embeddedMongoServer,
                                                                 @Value("${spring.data.mongodb.database:course}") String database) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        ConnectionString connection = new ConnectionString(
                "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database);
        return () -> connection;
    }
}
