package kr.go.gg.training.query.platform.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read-model processor's tokens, in MongoDB beside the read models, so a restored database and its tokens always
 * belong together.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelTokenConfiguration {

    /** The collection of the processors' tokens, beside the read models. */
    public static final String TRACKING_TOKENS = "trackingtokens";
    private static final Serializer TOKEN_SERIALIZER = JacksonSerializer.defaultSerializer();

    /**
     * The stored tokens, read without claiming (the projections' status of the whole cluster), and this node's name
     * and claim timeout in the token store. The name is {@code course.query.node-id}, else the node's Axon Server
     * client id ({@code axon.axonserver.client-id}) where one is set, else Axon's default ({@code pid@host}); a claim
     * not extended for {@code course.query.token-claim-timeout} (Axon's 10 s by default; 5 s under axonserver) is
     * taken over by another node.
     */
    @Bean
    public StoredTokens readModelStoredTokens(MongoDatabase readModelDatabase,
                                              @Value("${course.query.node-id:${axon.axonserver.client-id:}}") String nodeId,
                                              @Value("${course.query.token-claim-timeout:10s}") Duration claimTimeout) {
        String owner = nodeId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeId;
        return new StoredTokens(readModelDatabase.getCollection(TRACKING_TOKENS), TOKEN_SERIALIZER, owner, claimTimeout);
    }

    /**
     * What read-your-writes of {@code ?minPosition=} waits for: the stored tokens read every
     * {@code course.query.position-poll-interval} while a request waits; the JDBC engine, where there is one, tells
     * a token's gaps that hold events from gaps that never will.
     */
    @Bean
    public ProcessedPositions readModelProcessedPositions(StoredTokens readModelStoredTokens,
                                                          ObjectProvider<EventStorageEngine> storageEngine,
                                                          @Value("${course.query.position-poll-interval:20ms}") Duration poll) {
        return new ProcessedPositions(readModelStoredTokens, ProcessingGroups.ALL, storageEngine::getIfAvailable, poll);
    }

    /**
     * axon-mongo's token store over {@link #TRACKING_TOKENS}, telling {@code claim} when the claim may change hands.
     * Not a bean: registered for the read-model processor only, so processors of other modules in the same process
     * keep their token store.
     */
    static TokenStore tokenStore(MongoClient mongoClient, MongoDatabase readModelDatabase, StoredTokens storedTokens,
                                 ReadModelClaim claim, ReadModelGenerations generations) {
        return new ClaimWatchingTokenStore(MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(mongoClient, readModelDatabase.getName())
                        .trackingTokensCollectionName(TRACKING_TOKENS)
                        .build())
                .serializer(TOKEN_SERIALIZER)
                .nodeId(storedTokens.owner())
                .claimTimeout(storedTokens.claimTimeout())
                .build(), claim, generations);
    }
}
