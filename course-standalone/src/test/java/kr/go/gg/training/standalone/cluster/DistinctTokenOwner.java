package kr.go.gg.training.standalone.cluster;

import com.mongodb.client.MongoClient;
import kr.go.gg.training.query.platform.readmodel.ClaimWatchingTokenStore;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import kr.go.gg.training.query.platform.readmodel.ReadModelClaim;
import kr.go.gg.training.query.platform.readmodel.ReadModelGenerations;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * Test harness only, for query nodes that share one JVM: the read models' {@code MongoTokenStore} names its claim
 * owner by default after the JVM ({@code ManagementFactory.getRuntimeMXBean().getName()}, "pid@host"), so two query
 * contexts in this JVM would both own the read-model processor's claim at once, which two query processes of a
 * deployment never do. This re-registers the processor's token store exactly as {@code ReadModelTokenConfiguration.tokenStore} builds
 * it (same collection, serializer and {@link ClaimWatchingTokenStore} around it) with the node's
 * {@code axon.axonserver.client-id} as its owner, and so restores one claim holder at a time.
 * <p>
 * Deliberately not a {@code @Configuration}: course-standalone's application scans this package's parent, and must not
 * pick it up; {@link ClusterNodes} adds it as a source of each query node (unless CLUSTER_SHARED_TOKEN_OWNER=true).
 */
class DistinctTokenOwner {

    @Bean
    ConfigurerModule clusterDistinctTokenOwner(MongoClient mongoClient, ReadModelClaim readModelClaim,
                                               ReadModelGenerations readModelGenerations,
                                               @Value("${spring.data.mongodb.database:course}") String database,
                                               @Value("${axon.axonserver.client-id}") String clientId) {
        TokenStore tokenStore = new ClaimWatchingTokenStore(MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(mongoClient, database)
                        .trackingTokensCollectionName("trackingtokens")
                        .build())
                .serializer(JacksonSerializer.defaultSerializer())
                .nodeId(clientId)
                .build(), readModelClaim, readModelGenerations);
        return new ConfigurerModule() {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.eventProcessing(processing -> ProcessingGroups.ALL.forEach(processor ->
                        processing.registerTokenStore(processor, c -> tokenStore)));
            }

            @Override
            public int order() {
                // after the module's own registration, which this one replaces
                return Integer.MAX_VALUE;
            }
        };
    }
}
