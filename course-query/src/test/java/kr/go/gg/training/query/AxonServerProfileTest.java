package kr.go.gg.training.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import kr.go.gg.training.query.mongo.PolledEventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Profile axonserver: events from Axon Server (none runs here; it connects lazily), an external MongoDB, no DataSource. */
class AxonServerProfileTest {

    @Test
    @Timeout(90)
    void theAxonServerProfileReadsEventsFromAxonServerAndUsesTheConfiguredMongo(@TempDir Path dataDir) {
        MongoServer external = new MongoServer(new MemoryBackend());
        String uri = external.bindAndGetConnectionString();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CourseQueryApplication.class)
                .profiles("axonserver")
                .run("--server.port=0",
                        "--course.data-dir=" + dataDir,
                        "--spring.data.mongodb.uri=" + uri + "/course",
                        "--axon.axonserver.servers=localhost:18124",
                        "--axon.axonserver.connect-timeout=500",
                        "--course.security.users.ops.password={noop}ops-secret-1",
                        "--course.security.users.ops.role=ADMIN")) {
            assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(context.getBeansOfType(DataSource.class)).isEmpty();
            assertThat(context.getBeansOfType(MongoServer.class)).isEmpty();
            // no storage engine to poll: the read-model processor reads what Axon Server streams
            assertThat(context.getBean(PolledEventStore.class)
                    .source(context.getBean(org.axonframework.config.Configuration.class)))
                    .isSameAs(context.getBean(EventStore.class));
            MongoDatabase database = context.getBean(MongoDatabase.class);
            database.getCollection("probe").insertOne(new Document("_id", 1));
            assertThat(database.getCollection("probe").countDocuments()).isEqualTo(1);
        } finally {
            external.shutdownNow();
        }
    }
}
