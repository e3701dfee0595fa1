package kr.go.gg.training.query.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoTest {

    private final EmbeddedMongoConfiguration configuration = new EmbeddedMongoConfiguration();

    private static MongoClient connect(EmbeddedMongoConfiguration configuration, MongoServer server) {
        var details = configuration.embeddedMongoConnectionDetails(server, "course");
        return MongoClients.create(MongoClientSettings.builder().applyConnectionString(details.getConnectionString()).build());
    }

    @Test
    void thePersistentServerKeepsReadModelsInItsH2FileAcrossRestarts(@TempDir Path dataDir) throws Exception {
        MongoServer first = configuration.embeddedMongoServer(dataDir, true);
        assertThat(first.getLocalAddress().getAddress().isLoopbackAddress()).isTrue();
        try (MongoClient client = connect(configuration, first)) {
            client.getDatabase("course").getCollection("course_summaries").insertOne(new Document("_id", "c1").append("title", "kept"));
        }
        first.shutdown();
        assertThat(Files.exists(dataDir.resolve("readmodels.mv"))).isTrue();

        MongoServer second = configuration.embeddedMongoServer(dataDir, true);
        try (MongoClient client = connect(configuration, second)) {
            Document found = client.getDatabase("course").getCollection("course_summaries").find(Filters.eq("_id", "c1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("title")).isEqualTo("kept");
        } finally {
            second.shutdown();
        }
    }
}
