package kr.go.gg.training.query.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.List;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.ObjectProvider;
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

    /**
     * Every processing group of this module, one per read model: the projection names of the admin/replay paths.
     * They all run on the one processor {@link #PROCESSOR}.
     */
    public static final List<String> PROCESSING_GROUPS = List.of(
            ProcessingGroups.COURSE_SUMMARIES, ProcessingGroups.ROSTERS, ProcessingGroups.YEARLY_PERFORMANCE,
            ProcessingGroups.KOICA_PIPELINE, ProcessingGroups.AGREEMENTS, ProcessingGroups.AUDIT_LOG);

    /** The one tracking processor of every read model (its token, lag gauge and configuration use this name). */
    public static final String PROCESSOR = ProcessingGroups.READ_MODELS;

    @Bean
    public MongoDatabase readModelDatabase(MongoClient mongoClient,
                                           @Value("${spring.data.mongodb.database:course}") String database) {
        return mongoClient.getDatabase(database);
    }

    /** Whether this node holds the read-model processor's claim (caches that only local commits invalidate). */
    @Bean
    public ReadModelClaim readModelClaim() {
        return new ReadModelClaim();
    }

    /** The processor's event source: see {@link PolledEventStore} ({@code course.query.poll-interval}). */
    @Bean(destroyMethod = "close")
    public PolledEventStore readModelEventSource(ObjectProvider<EventStorageEngine> storageEngine,
                                                 @Value("${course.query.poll-interval:25ms}") Duration pollInterval) {
        return new PolledEventStore(storageEngine::getIfAvailable, pollInterval);
    }

    /**
     * One tracking processor for all read models ({@link #PROCESSOR}; every processing group is assigned to it):
     * each event is fetched, deserialised and handled in ONE unit of work and each batch stores ONE token, where
     * one processor per group did all of that six times (course-bench: +48 % command throughput of the whole
     * system). A single projection is still rebuilt alone: {@link ProjectionReplay} / {@link ProjectionReplayFilter}.
     * The price: a batch that fails (e.g. a bulk write) is retried for every read model, and a replay of one
     * projection holds back the live updates of the others until it has caught up.
     * <p>
     * Large batches (2000: a replay ran 1.45x faster than with 500, course-bench): each batch's writes go out as one
     * bulk write per collection (STACK-FACTS: 2-5x faster than one round trip per event), flushed after the batch's
     * last event.
     * <p>
     * No transaction manager (the wire server has no transactions; axon-mongo's token store keeps its no-op
     * one): with Boot's JDBC transaction manager a tracking processor would store its token BEFORE handling the
     * batch, and a failed or interrupted batch would then be skipped. Without one, the token is stored when the
     * batch commits, after the flush. The token store is registered per group, not as a global
     * {@code TokenStore} bean, so processors of other modules in the same process keep theirs.
     * <p>
     * One thread and one segment. No Axon Micrometer
     * message monitors on these processors unless {@code course.query.processor-metrics=true}: the monitors
     * (counters, timers, latency and capacity per message) cost 12-14 % of the replay's CPU (JFR,
     * docs/benchmarks.md). The command and query buses keep theirs; the processors' lag is the module's own
     * gauge {@code course.projection.lag} ({@code ProcessorLagMetrics}), which needs no monitor.
     */
    @Bean
    public ConfigurerModule readModelProcessors(MongoClient mongoClient,
                                                ReadModelClaim readModelClaim,
                                                PolledEventStore readModelEventSource,
                                                @Value("${spring.data.mongodb.database:course}") String database,
                                                @Value("${course.query.batch-size:2000}") int batchSize,
                                                @Value("${course.query.processor-metrics:false}") boolean processorMetrics,
                                                @Value("${course.query.linger:50ms}") Duration linger) {
        TokenStore tokenStore = new ClaimWatchingTokenStore(MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(mongoClient, database)
                        .trackingTokensCollectionName("trackingtokens")
                        .build())
                .serializer(JacksonSerializer.defaultSerializer())
                .build(), readModelClaim);
        MessageHandlerInterceptor<EventMessage<?>> flushAtEndOfBatch = (unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
                BatchedCollection.flushAll(unitOfWork);
            }
            return result;
        };
        return configurer -> configurer.eventProcessing(processing -> {
            PROCESSING_GROUPS.forEach(group -> processing.assignProcessingGroup(group, PROCESSOR));
            processing
                    // micro-batches once caught up: a batch's fixed cost (token, bulk writes) was most of the
                    // live CPU of the read side, beside the commands (docs/benchmarks.md)
                    .registerTrackingEventProcessor(PROCESSOR, c -> new LingeringEventSource(readModelEventSource.source(c), linger))
                    .registerTrackingEventProcessorConfiguration(PROCESSOR, c -> TrackingEventProcessorConfiguration
                            .forSingleThreadedProcessing().andBatchSize(batchSize))
                    .registerTokenStore(PROCESSOR, c -> tokenStore)
                    .registerTransactionManager(PROCESSOR, c -> NoTransactionManager.instance())
                    .registerHandlerInterceptor(PROCESSOR, c -> flushAtEndOfBatch);
            if (!processorMetrics) {
                processing.registerMessageMonitor(PROCESSOR, c -> NoOpMessageMonitor.instance());
            }
        });
    }

    /** Lets a replay rebuild only the projections it names (Axon adds every such bean to its handler enhancers). */
    @Bean
    public static ProjectionReplayFilter projectionReplayFilter() {
        return new ProjectionReplayFilter();
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
