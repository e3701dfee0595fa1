package kr.go.gg.training.query.platform.readmodel;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read models' database (MongoDB, or the embedded default's wire server) and its health. */
@Configuration(proxyBeanMethods = false)
public class ReadModelDatabaseConfiguration {

    @Bean
    public MongoDatabase readModelDatabase(MongoClient mongoClient,
                                           @Value("${spring.data.mongodb.database:}") String database,
                                           @Value("${spring.data.mongodb.uri:}") String uri) {
        return mongoClient.getDatabase(databaseName(database, uri));
    }

    /**
     * {@code spring.data.mongodb.database}, else the database the URI names (production: {@code MONGODB_URI}), else
     * {@code course}: the order in which Boot's own Mongo settings read them.
     */
    static String databaseName(String database, String uri) {
        if (database != null && !database.isBlank()) {
            return database;
        }
        String named = uri == null || uri.isBlank() ? null : new ConnectionString(uri).getDatabase();
        return named == null || named.isBlank() ? "course" : named;
    }

    /**
     * How long an operation waits for a reachable MongoDB ({@code course.mongo.server-selection-timeout}, 5 s; the
     * driver's own 30 s held every request of a MongoDB outage for half a minute before it failed): then the query
     * is answered 503 with {@code Retry-After} ({@code QueryProblemAdvice}), and a processor retries its batch.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer serverSelectionTimeout(
            @Value("${course.mongo.server-selection-timeout:5s}") Duration timeout) {
        return settings -> settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(timeout.toMillis(),
                TimeUnit.MILLISECONDS));
    }

    /** Boot's own Mongo health indicator needs Spring Data, which this module does not use. */
    @Bean
    public HealthIndicator readModelsHealthIndicator(MongoDatabase readModelDatabase) {
        return () -> {
            try {
                readModelDatabase.runCommand(new Document("ping", 1));
                return Health.up().withDetail("database", readModelDatabase.getName()).build();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }
}
