package kr.go.gg.training.query.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kr.go.gg.training.query.CourseQueryApplication;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Graceful shutdown of the query side: when the application stops, the read models' tracking processor releases its
 * token claim, so another node (or the restarted one) takes the segments over at once instead of waiting for the claim
 * to time out. MongoDB here is a wire server of the test's own, so the tokens can be read after the context closed.
 */
class TokenClaimsReleasedTest {

    @Test
    void everyTokenClaimIsReleasedWhenTheApplicationStops() throws Exception {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        String uri = "mongodb://127.0.0.1:" + address.getPort() + "/course";
        Path dataDir = Files.createTempDirectory("course-query-shutdown");
        try (MongoClient client = MongoClients.create(uri)) {
            var tokens = client.getDatabase("course").getCollection("trackingtokens");
            ConfigurableApplicationContext context = new SpringApplicationBuilder(CourseQueryApplication.class).run(
                    "--server.port=0", "--spring.profiles.active=test", "--course.data-dir=" + dataDir,
                    "--course.mongo.embedded=false", "--spring.data.mongodb.uri=" + uri,
                    "--course.security.users.admin.password={noop}admin-secret", "--course.security.users.admin.role=ADMIN");
            try {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    List<Document> claimed = tokens.find().into(new ArrayList<>());
                    assertThat(claimed).extracting(token -> token.getString("processorName"))
                            .containsExactlyInAnyOrderElementsOf(ProcessingGroups.ALL); // one processor per read model
                    assertThat(claimed).allSatisfy(token -> assertThat(token.getString("owner")).isNotBlank());
                });
            } finally {
                context.close();
            }

            List<Document> released = tokens.find().into(new ArrayList<>());
            assertThat(released).hasSize(ProcessingGroups.ALL.size());
            assertThat(released).allSatisfy(token -> assertThat(token.get("owner")).as(token.toJson()).isNull());
        } finally {
            mongo.shutdownNow();
        }
    }
}
