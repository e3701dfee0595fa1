package kr.go.gg.training.query.platform.readmodel;

import kr.go.gg.training.query.embedded.PolledEventStore;
import kr.go.gg.training.query.platform.replay.ProjectionReplayFilter;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.serialization.Serializer;
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
        String named = uri == null || uri.isBlank() ? null : new com.mongodb.ConnectionString(uri).getDatabase();
        return named == null || named.isBlank() ? "course" : named;
    }

    /**
     * Whether this node holds the read-model processor's claim (caches that only local commits invalidate), and
     * whether the processor has several segments ({@code course.query.segments}), which switches such caches off.
     */
    @Bean
    public ReadModelClaim readModelClaim(@Value("${course.query.segments:1}") int segments) {
        return new ReadModelClaim(segments > 1);
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
     * bulk write per collection (tried here: 2-5x faster than one round trip per event), flushed after the batch's
     * last event.
     * <p>
     * No transaction manager (the wire server has no transactions; axon-mongo's token store keeps its no-op
     * one): with Boot's JDBC transaction manager a tracking processor would store its token BEFORE handling the
     * batch, and a failed or interrupted batch would then be skipped. Without one, the token is stored when the
     * batch commits, after the flush. The token store is registered per group, not as a global
     * {@code TokenStore} bean, so processors of other modules in the same process keep theirs.
     * <p>
     * {@code course.query.segments} segments (1 on the embedded default, 2 under axonserver) and as many threads per
     * node, so a node alone processes every segment and several nodes may share them (which node claims which
     * segment is first come, first served). Events are sequenced per aggregate (Axon's
     * {@link SequentialPerAggregatePolicy}, made explicit): one course's events always fall into one segment. With
     * more than one segment, which the processor may also find at run time (a segment split from Axon Server's
     * dashboard), every batch is marked {@link BatchedCollection#SEVERAL_SEGMENTS} and {@link ReadModelClaim} knows:
     * no cache across batches trusts that its processor is the only writer (docs/operations.md, "Several query
     * nodes"). No Axon Micrometer
     * message monitors on these processors unless {@code course.query.processor-metrics=true}: the monitors
     * (counters, timers, latency and capacity per message) cost 12-14 % of the replay's CPU (JFR,
     * docs/benchmarks.md). The command and query buses keep theirs; the processors' lag is the module's own
     * gauge {@code course.projection.lag} ({@code ProcessorLagMetrics}), which needs no monitor.
     */
    @Bean
    public ConfigurerModule readModelProcessors(MongoClient mongoClient,
                                                ReadModelClaim readModelClaim,
                                                PolledEventStore readModelEventSource,
                                                StoredTokens readModelStoredTokens,
                                                MongoDatabase readModelDatabase,
                                                @Value("${course.query.batch-size:2000}") int batchSize,
                                                @Value("${course.query.segments:1}") int segments,
                                                @Value("${course.query.processor-metrics:false}") boolean processorMetrics,
                                                @Value("${course.query.linger:50ms}") Duration linger,
                                                @Value("${course.query.token-claim-interval:5s}") Duration claimInterval,
                                                @Value("${course.query.event-availability-timeout:1s}") Duration eventAvailability) {
        Duration claimTimeout = readModelStoredTokens.claimTimeout();
        // an idle processor extends its claim once per event-availability timeout: several of them must fit into the
        // claim timeout, or a live node would lose its claim to another one while nothing happens
        if (eventAvailability.multipliedBy(3).compareTo(claimTimeout) > 0) {
            throw new IllegalStateException("course.query.event-availability-timeout (" + eventAvailability
                    + ") must be at most a third of course.query.token-claim-timeout (" + claimTimeout + ")");
        }
        TokenStore tokenStore = new ClaimWatchingTokenStore(MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(mongoClient, readModelDatabase.getName())
                        .trackingTokensCollectionName(TRACKING_TOKENS)
                        .build())
                .serializer(TOKEN_SERIALIZER)
                .nodeId(readModelStoredTokens.owner())
                .claimTimeout(claimTimeout)
                .build(), readModelClaim);
        if (segments < 1) {
            throw new IllegalStateException("course.query.segments (" + segments + ") must be at least 1");
        }
        return configurer -> configurer.eventProcessing(processing -> {
            PROCESSING_GROUPS.forEach(group -> processing.assignProcessingGroup(group, PROCESSOR));
            processing
                    // micro-batches once caught up: a batch's fixed cost (token, bulk writes) was most of the
                    // live CPU of the read side, beside the commands (docs/benchmarks.md)
                    .registerTrackingEventProcessor(PROCESSOR, c -> new LingeringEventSource(readModelEventSource.source(c), linger))
                    .registerTrackingEventProcessorConfiguration(PROCESSOR, c -> TrackingEventProcessorConfiguration
                            .forParallelProcessing(segments).andInitialSegmentsCount(segments).andBatchSize(batchSize)
                            // how soon an idle node tries to claim a segment another node released or let time out
                            .andTokenClaimInterval(claimInterval.toMillis(), TimeUnit.MILLISECONDS)
                            .andEventAvailabilityTimeout(eventAvailability.toMillis(), TimeUnit.MILLISECONDS))
                    .registerSequencingPolicy(PROCESSOR, c -> SequentialPerAggregatePolicy.instance())
                    .registerTokenStore(PROCESSOR, c -> tokenStore)
                    .registerTransactionManager(PROCESSOR, c -> NoTransactionManager.instance())
                    .registerHandlerInterceptor(PROCESSOR, c -> batchInterceptor(c, segments > 1, readModelClaim));
            if (!processorMetrics) {
                processing.registerMessageMonitor(PROCESSOR, c -> NoOpMessageMonitor.instance());
            }
        });
    }

    /** The unit-of-work resource in which Axon's tracking processor names the segment a batch belongs to. */
    private static final String SEGMENT_ID = "Processor[" + PROCESSOR + "]/SegmentId";

    /**
     * Marks each batch of a processor with several segments (configured, or the batch's segment found to be one of
     * several) {@link BatchedCollection#SEVERAL_SEGMENTS}, once per batch, and flushes every batched collection
     * after the batch's last event.
     */
    private static MessageHandlerInterceptor<EventMessage<?>> batchInterceptor(
            org.axonframework.config.Configuration configuration, boolean configuredSeveral, ReadModelClaim claim) {
        return (unitOfWork, chain) -> {
            var resources = unitOfWork.root().resources();
            if (!resources.containsKey(BatchedCollection.SEVERAL_SEGMENTS)) {
                boolean several = configuredSeveral || claim.isSeveralSegments()
                        || !onlySegment(configuration, unitOfWork.root().getResource(SEGMENT_ID));
                if (several) {
                    claim.severalSegments();
                }
                resources.put(BatchedCollection.SEVERAL_SEGMENTS, several);
            }
            Object result = chain.proceed();
            if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
                BatchedCollection.flushAll(unitOfWork);
            }
            return result;
        };
    }

    /**
     * Whether the batch's segment is the processor's only one (mask 0): true outside a tracking processor, false
     * when the processor does not (or no longer) know the segment.
     */
    private static boolean onlySegment(org.axonframework.config.Configuration configuration, Object segmentId) {
        if (!(segmentId instanceof Integer id)) {
            return true;
        }
        return configuration.eventProcessingConfiguration()
                .eventProcessor(PROCESSOR, TrackingEventProcessor.class)
                .map(processor -> {
                    EventTrackerStatus status = processor.processingStatus().get(id);
                    return status != null && status.getSegment().getMask() == 0;
                })
                .orElse(true);
    }

    /** The collection of the processors' tokens, beside the read models. */
    public static final String TRACKING_TOKENS = "trackingtokens";
    private static final Serializer TOKEN_SERIALIZER = JacksonSerializer.defaultSerializer();

    /**
     * The stored tokens, read without claiming (the projections' status of the whole cluster), and this node's name
     * and claim timeout in the token store. The name is {@code course.query.node-id}, else the node's Axon Server client
     * id ({@code axon.axonserver.client-id}) where one is set, else Axon's default ({@code pid@host}); a claim not extended for {@code course.query.token-claim-timeout} (Axon's
     * 10 s by default; 5 s under axonserver) is taken over by another node.
     */
    @Bean
    public StoredTokens readModelStoredTokens(MongoDatabase readModelDatabase,
                                              @Value("${course.query.node-id:${axon.axonserver.client-id:}}") String nodeId,
                                              @Value("${course.query.token-claim-timeout:10s}") Duration claimTimeout) {
        String owner = nodeId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeId;
        return new StoredTokens(readModelDatabase.getCollection(TRACKING_TOKENS), TOKEN_SERIALIZER, owner, claimTimeout);
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
