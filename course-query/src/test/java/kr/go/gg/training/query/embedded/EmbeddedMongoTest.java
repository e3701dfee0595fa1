package kr.go.gg.training.query.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EmbeddedMongoTest {

    private final EmbeddedMongoConfiguration configuration = new EmbeddedMongoConfiguration();

    private static MongoClient connect(EmbeddedMongoConfiguration configuration, MongoServer server) {
        var details = configuration.embeddedMongoConnectionDetails(server, "course");
        return MongoClients.create(MongoClientSettings.builder().applyConnectionString(details.getConnectionString()).build());
    }

    @Test
    void theServerListensOnTheConfiguredPortAndReportsAWireVersionThatCurrentDriversAccept() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ReadModelStore store = ReadModelStore.inMemory();
        MongoServer server = configuration.embeddedMongoServer(store, port);
        try (MongoClient client = connect(configuration, server)) {
            assertThat(server.getLocalAddress().getPort()).isEqualTo(port);
            Document hello = client.getDatabase("admin").runCommand(new Document("isMaster", 1));
            // mongosh 2.x (Node.js driver 7) refuses a server below wire version 9 (MongoDB 4.4)
            assertThat(hello.getInteger("maxWireVersion")).isGreaterThanOrEqualTo(9);
            assertThat(client.getDatabase("admin").runCommand(new Document("buildInfo", 1)).getString("version"))
                    .isEqualTo("4.4.0");
        } finally {
            server.shutdown();
            store.destroy();
        }
    }

    @Test
    void aPortInUseStopsTheStartNamingThePropertyThatChangesIt() throws Exception {
        ReadModelStore store = ReadModelStore.inMemory();
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> configuration.embeddedMongoServer(store, taken.getLocalPort()))
                    .hasMessageContaining("--course.mongo.port=");
        } finally {
            store.destroy();
        }
    }

    @Test
    void thePersistentServerKeepsReadModelsInItsH2FileAcrossRestarts(@TempDir Path dataDir) throws Exception {
        ReadModelStore firstStore = configuration.readModelStore(dataDir, true, true, Duration.ZERO, Duration.ofSeconds(1));
        MongoServer first = configuration.embeddedMongoServer(firstStore, 0);
        assertThat(first.getLocalAddress().getAddress().isLoopbackAddress()).isTrue();
        try (MongoClient client = connect(configuration, first)) {
            client.getDatabase("course").getCollection("course_summaries").insertOne(new Document("_id", "c1").append("title", "kept"));
        }
        first.shutdown();
        firstStore.destroy();
        assertThat(Files.exists(dataDir.resolve("readmodels.mv"))).isTrue();

        ReadModelStore secondStore = configuration.readModelStore(dataDir, true, true, Duration.ZERO, Duration.ofSeconds(1));
        MongoServer second = configuration.embeddedMongoServer(secondStore, 0);
        try (MongoClient client = connect(configuration, second)) {
            Document found = client.getDatabase("course").getCollection("course_summaries").find(Filters.eq("_id", "c1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("title")).isEqualTo("kept");
        } finally {
            second.shutdown();
            secondStore.destroy();
        }
    }

    @Test
    void theFileIsCompactedWhenTheContextClosesAndItsDataSurvivesTheRestart(@TempDir Path dataDir) {
        Path file = dataDir.resolve("readmodels.mv");
        long[] whileRunning = new long[1];
        contextOn(dataDir).run(context -> {
            MongoServer server = context.getBean(MongoServer.class);
            try (MongoClient client = connect(configuration, server)) {
                churn(client.getDatabase("course").getCollection("rosters"), 60, context.getBean(ReadModelStore.class));
            }
            context.getBean(ReadModelStore.class).compactNow();
            assertThat(context.getBean(ReadModelStore.class).isAvailable()).isTrue();
            whileRunning[0] = Files.size(file);
        });
        long closed = sizeOf(file);
        // 200 live documents of ~2 KB, rewritten 60 times: the file holds many chunks of old versions until closed
        // (compressed pages: about 2.5 MB where they were over 4 MB)
        assertThat(whileRunning[0]).isGreaterThan(2L * 1024 * 1024);
        assertThat(closed).isLessThan(whileRunning[0] / 2).isLessThan(1024L * 1024);
        assertThat(dataDir.resolve("readmodels.mv.tempFile")).doesNotExist();
        assertThat(dataDir.resolve("readmodels.mv.newFile")).doesNotExist();

        contextOn(dataDir).run(context -> {
            try (MongoClient client = connect(configuration, context.getBean(MongoServer.class))) {
                MongoCollection<Document> rosters = client.getDatabase("course").getCollection("rosters");
                assertThat(rosters.countDocuments()).isEqualTo(200);
                Document last = rosters.find(Filters.eq("_id", "c199")).first();
                assertThat(last).isNotNull();
                assertThat(last.getInteger("version")).isEqualTo(59);
                assertThat(last.getList("trainees", Document.class)).hasSize(20);
            }
        });
    }

    @Test
    void withoutCompactionTheFileIsLeftAsItIs(@TempDir Path dataDir) {
        Path file = dataDir.resolve("readmodels.mv");
        long[] whileRunning = new long[1];
        contextOn(dataDir).withPropertyValues("course.mongo.compaction=false").run(context -> {
            try (MongoClient client = connect(configuration, context.getBean(MongoServer.class))) {
                churn(client.getDatabase("course").getCollection("rosters"), 20, context.getBean(ReadModelStore.class));
            }
            assertThat(context.getBean(ReadModelStore.class).compactNow()).isFalse();
            whileRunning[0] = Files.size(file);
        });
        assertThat(sizeOf(file)).isGreaterThanOrEqualTo(whileRunning[0] / 2).isGreaterThan(2L * 1024 * 1024);
    }

    @Test
    void inMemoryThereIsNoFile(@TempDir Path dataDir) {
        contextOn(dataDir).withPropertyValues("course.mongo.persistent=false").run(context -> {
            try (MongoClient client = connect(configuration, context.getBean(MongoServer.class))) {
                client.getDatabase("course").getCollection("x").insertOne(new Document("_id", "a"));
                assertThat(client.getDatabase("course").getCollection("x").countDocuments()).isEqualTo(1);
            }
            assertThat(context.getBean(ReadModelStore.class).file()).isNull();
        });
        assertThat(dataDir.resolve("readmodels.mv")).doesNotExist();
    }

    private static ApplicationContextRunner contextOn(Path dataDir) {
        return new ApplicationContextRunner()
                // as in a Boot application: "30s" -> Duration
                .withInitializer(context -> context.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance()))
                .withUserConfiguration(EmbeddedMongoConfiguration.class)
                .withPropertyValues("course.data-dir=" + dataDir, "course.mongo.compaction-interval=0s");
    }

    /**
     * Like the projections' batches: every round one bulk write replacing each document with a new version, then
     * a commit of the store (the backend commits about once a second by itself: in the benchmark's minutes, many).
     */
    private static void churn(MongoCollection<Document> collection, int rounds, ReadModelStore store) {
        java.util.Random random = new java.util.Random(7); // a pad the file's compression cannot shrink away
        for (int round = 0; round < rounds; round++) {
            List<WriteModel<Document>> batch = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                List<Document> trainees = new ArrayList<>();
                for (int t = 0; t < 20; t++) {
                    trainees.add(new Document("name", "trainee " + t + " " + round).append("note", new java.math.BigInteger(300, random).toString(36)));
                }
                Document roster = new Document("_id", "c" + i).append("version", round).append("trainees", trainees);
                batch.add(new ReplaceOneModel<>(Filters.eq("_id", roster.get("_id")), roster, new ReplaceOptions().upsert(true)));
            }
            collection.bulkWrite(batch);
            store.commitNow();
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
