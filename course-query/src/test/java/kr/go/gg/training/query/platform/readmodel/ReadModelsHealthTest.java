package kr.go.gg.training.query.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

class ReadModelsHealthTest {

    @Test
    void upWhileMongoAnswersDownOnceItStops() {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(500, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(500, TimeUnit.MILLISECONDS).readTimeout(500, TimeUnit.MILLISECONDS))
                .build())) {
            var health = new ReadModelDatabaseConfiguration().readModelsHealthIndicator(client.getDatabase("course"));
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            server.shutdownNow();
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        }
    }
}
