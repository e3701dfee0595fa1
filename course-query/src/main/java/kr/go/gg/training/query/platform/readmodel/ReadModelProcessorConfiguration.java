package kr.go.gg.training.query.platform.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One tracking processor for all read models ({@link ProcessingGroups#READ_MODELS}; every processing group is
 * assigned to it): each event is fetched, deserialised and handled in ONE unit of work and each batch stores ONE
 * token, where one processor per group did all of that six times (course-bench: +48 % command throughput of the whole
 * system). A single projection is still rebuilt alone (platform.replay: {@code ProjectionReplay},
 * {@code ProjectionReplayFilter}). The price: a batch that fails (e.g. a bulk write) is retried for every read model,
 * and a replay of one projection holds back the live updates of the others until it has caught up.
 * <p>
 * Large batches (2000: a replay ran 1.45x faster than with 500, course-bench): each batch's writes go out as one
 * bulk write per collection (tried here: 2-5x faster than one round trip per event), flushed after the batch's
 * last event ({@link BatchInterceptor}).
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
 * nodes"). No Axon Micrometer message monitors on these processors unless {@code course.query.processor-metrics=true}:
 * the monitors (counters, timers, latency and capacity per message) cost 12-14 % of the replay's CPU (JFR,
 * docs/benchmarks.md). The command and query buses keep theirs; the processors' lag is the module's own
 * gauge {@code course.projection.lag} ({@code ProcessorLagMetrics}), which needs no monitor.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelProcessorConfiguration {

    private static final String PROCESSOR = ProcessingGroups.READ_MODELS;

    /**
     * Whether this node holds the read-model processor's claim (caches that only local commits invalidate), and
     * whether the processor has several segments ({@code course.query.segments}), which switches such caches off.
     */
    @Bean
    public ReadModelClaim readModelClaim(@Value("${course.query.segments:1}") int segments) {
        return new ReadModelClaim(segments > 1);
    }

    /** The processor and its settings ({@code course.query.*}, checked here: a wrong value stops the start). */
    @Bean
    public ConfigurerModule readModelProcessors(MongoClient mongoClient,
                                                ReadModelClaim readModelClaim,
                                                ObjectProvider<ReadModelEventSource> readModelEventSource,
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
        TokenStore tokenStore = ReadModelTokenConfiguration.tokenStore(mongoClient, readModelDatabase,
                readModelStoredTokens, readModelClaim);
        if (segments < 1) {
            throw new IllegalStateException("course.query.segments (" + segments + ") must be at least 1");
        }
        TrackingEventProcessorConfiguration settings = TrackingEventProcessorConfiguration
                .forParallelProcessing(segments).andInitialSegmentsCount(segments).andBatchSize(batchSize)
                // how soon an idle node tries to claim a segment another node released or let time out
                .andTokenClaimInterval(claimInterval.toMillis(), TimeUnit.MILLISECONDS)
                .andEventAvailabilityTimeout(eventAvailability.toMillis(), TimeUnit.MILLISECONDS);
        ReadModelEventSource source = readModelEventSource.getIfAvailable(() -> c -> c.eventStore());
        return configurer -> configurer.eventProcessing(processing -> {
            ProcessingGroups.ALL.forEach(group -> processing.assignProcessingGroup(group, PROCESSOR));
            register(processing, source, linger, settings, tokenStore, segments > 1, readModelClaim);
            if (!processorMetrics) {
                processing.registerMessageMonitor(PROCESSOR, c -> NoOpMessageMonitor.instance());
            }
        });
    }

    private static void register(EventProcessingConfigurer processing, ReadModelEventSource source, Duration linger,
                                 TrackingEventProcessorConfiguration settings, TokenStore tokenStore,
                                 boolean severalSegments, ReadModelClaim claim) {
        processing
                // micro-batches once caught up: a batch's fixed cost (token, bulk writes) was most of the
                // live CPU of the read side, beside the commands (docs/benchmarks.md)
                .registerTrackingEventProcessor(PROCESSOR, c -> lingering(source.source(c), linger))
                .registerTrackingEventProcessorConfiguration(PROCESSOR, c -> settings)
                .registerSequencingPolicy(PROCESSOR, c -> SequentialPerAggregatePolicy.instance())
                .registerTokenStore(PROCESSOR, c -> tokenStore)
                .registerTransactionManager(PROCESSOR, c -> NoTransactionManager.instance())
                .registerHandlerInterceptor(PROCESSOR, c -> new BatchInterceptor(c, severalSegments, claim));
    }

    private static StreamableMessageSource<TrackedEventMessage<?>> lingering(
            StreamableMessageSource<TrackedEventMessage<?>> source, Duration linger) {
        return new LingeringEventSource(source, linger);
    }
}
