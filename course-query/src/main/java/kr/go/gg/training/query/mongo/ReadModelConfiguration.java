package kr.go.gg.training.query.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.bson.Document;

/**
 * The read models' database, their tracking processors and the processors' tokens (in MongoDB beside the
 * read models, so a restored database and its tokens always belong together).
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {

    /** Every processing group of this module; the admin/replay paths address processors by these names. */
    public static final List<String> PROCESSING_GROUPS = List.of(
            ProcessingGroups.COURSE_SUMMARIES, ProcessingGroups.ROSTERS, ProcessingGroups.YEARLY_PERFORMANCE,
            ProcessingGroups.KOICA_PIPELINE, ProcessingGroups.AGREEMENTS);

    @Bean
    public MongoDatabase readModelDatabase(MongoClient mongoClient,
                                           @Value("${spring.data.mongodb.database:course}") String database) {
        return mongoClient.getDatabase(database);
    }

    /**
     * Tracking processors with large batches: each batch's writes go out as one bulk write per collection
     * (STACK-FACTS: 2-5x faster than one round trip per event). The token store is registered per group,
     * not as a global {@code TokenStore} bean, so processors of other modules in the same process keep theirs.
     * It keeps axon-mongo's default no-op transaction manager: the wire server has no transactions.
     */
    @Bean
    public ConfigurerModule readModelProcessors(MongoClient mongoClient,
                                                @Value("${spring.data.mongodb.database:course}") String database,
                                                @Value("${course.query.batch-size:500}") int batchSize) {
        MongoTokenStore tokenStore = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(mongoClient, database)
                        .trackingTokensCollectionName("trackingtokens")
                        .build())
                .serializer(JacksonSerializer.defaultSerializer())
                .build();
        return configurer -> configurer.eventProcessing(processing -> PROCESSING_GROUPS.forEach(group -> processing
                .registerTrackingEventProcessorConfiguration(group, c -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing().andBatchSize(batchSize))
                .registerTokenStore(group, c -> tokenStore)));
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
