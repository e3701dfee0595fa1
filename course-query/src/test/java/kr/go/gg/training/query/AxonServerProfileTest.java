package kr.go.gg.training.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import kr.go.gg.training.query.platform.readmodel.ReadModelEventSource;
import kr.go.gg.training.query.platform.readmodel.StoredTokens;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Profile axonserver: events from Axon Server (none runs here; it connects lazily), an external MongoDB, no DataSource;
 * not ready while Axon Server cannot be reached.
 */
class AxonServerProfileTest {

    private static int status(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    @Timeout(90)
    void theAxonServerProfileReadsEventsFromAxonServerAndUsesTheConfiguredMongo(@TempDir Path dataDir) throws Exception {
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
            assertThat(context.getBean(ReadModelEventSource.class)
                    .source(context.getBean(org.axonframework.config.Configuration.class)))
                    .isSameAs(context.getBean(EventStore.class));
            MongoDatabase database = context.getBean(MongoDatabase.class);
            database.getCollection("probe").insertOne(new Document("_id", 1));
            assertThat(database.getCollection("probe").countDocuments()).isEqualTo(1);
            // several query nodes: a killed node's claim is taken over after 5 s (SeveralQueryNodesTest), and the
            // nodes coordinate a replay through MongoDB
            assertThat(context.getBean(StoredTokens.class).claimTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(context.getEnvironment().getProperty("course.query.token-claim-interval")).isEqualTo("1s");
            assertThat(context.getEnvironment().getProperty("course.query.nodes.coordinated")).isEqualTo("true");
            assertThat(context.getBeanNamesForType(kr.go.gg.training.query.platform.nodes.ReadModelRecoveryConfiguration.class)).hasSize(1);
            // no Axon Server at that address: the node is not ready (Axon's indicator in the readiness group), alive all the same
            String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(status(base + "/actuator/health/readiness")).isEqualTo(503));
            assertThat(status(base + "/actuator/health/liveness")).isEqualTo(200);
            // a query of its own the node answers from the read models, which need no Axon Server
            assertThat(get(base + "/api/courses").statusCode()).isEqualTo(200);
            // one that needs Axon Server (read your writes: a subscription query) is a 503 problem+json to retry,
            // not a 500 (nor an empty 200)
            HttpResponse<String> waiting = get(base + "/api/courses/some-course?minVersion=3");
            assertThat(waiting.statusCode()).as(waiting.body()).isEqualTo(503);
            assertThat(waiting.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(waiting.headers().firstValue("Retry-After")).contains("2");
            assertThat(context.getBean(HealthEndpoint.class).healthForPath("readiness", "axonServer").getStatus())
                    .isEqualTo(Status.DOWN);
        } finally {
            external.shutdownNow();
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("ops:ops-secret-1".getBytes()))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
