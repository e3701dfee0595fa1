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
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One tracking processor per read model (processing group, same name: {@link ProcessingGroups#ALL}), so a rebuild or
 * a failing batch of one never holds back the others (platform.replay rebuilds a projection beside its live
 * generation, {@link ReadModelGenerations}). Each batch's writes go out as one bulk write per collection, flushed after
 * the batch's last event ({@link BatchInterceptor}); batches of up to 2000 events.
 * <p>
 * No transaction manager (the wire server has no transactions; axon-mongo's token store keeps its no-op
 * one): with Boot's JDBC transaction manager a tracking processor would store its token BEFORE handling the
 * batch, and a failed or interrupted batch would then be skipped. Without one, the token is stored when the
 * batch commits, after the flush. The token store is registered per processor, not as a global
 * {@code TokenStore} bean, so processors of other modules in the same process keep theirs. A processor without a
 * token starts where the former shared processor ({@link ProcessingGroups#FORMER_SHARED_PROCESSOR}) stood, else at
 * the first event.
 * <p>
 * {@code course.query.segments} segments per processor (1 on the embedded default, 2 under axonserver) and as many
 * threads per node. Events are sequenced per aggregate ({@link SequentialPerAggregatePolicy}): one course's events
 * always fall into one segment. With more than one segment every batch is marked
 * {@link BatchedCollection#SEVERAL_SEGMENTS} and {@link ReadModelClaim} knows (docs/operations.md). No Axon
 * Micrometer message monitors unless {@code course.query.processor-metrics=true}: they cost 12-14 % of the replay's
 * CPU (docs/benchmarks.md); the lag is the module's own gauge {@code course.projection.lag}. A handler that fails
 * parks its sequence in the processor's dead-letter queue ({@link ReadModelDeadLetters}).
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelProcessorConfiguration {

    /**
     * Whether this node holds the read-model processor's claim (caches that only local commits invalidate), and
     * whether the processor has several segments ({@code course.query.segments}), which switches such caches off.
     */
    @Bean
    public ReadModelClaim readModelClaim(@Value("${course.query.segments:1}") int segments) {
        return new ReadModelClaim(segments > 1, ProcessingGroups.ALL);
    }

    @Bean
    public ReadModelGenerations readModelGenerations(MongoDatabase readModelDatabase) {
        return new ReadModelGenerations(readModelDatabase);
    }

    @Bean
    public ReadModelDeadLetters readModelDeadLetters(org.axonframework.config.EventProcessingConfiguration processing,
                                                     MongoClient mongoClient, MongoDatabase readModelDatabase,
                                                     ObjectProvider<org.axonframework.config.Configuration> axon) {
        return new ReadModelDeadLetters(processing, mongoClient, readModelDatabase.getName(),
                () -> axon.getObject().eventSerializer());
    }

    /** Queries of a read model that is not complete yet are refused (503), on every query bus of the process. */
    @Bean
    public org.springframework.beans.factory.SmartInitializingSingleton readModelReadiness(
            ObjectProvider<org.axonframework.queryhandling.QueryBus> queryBus, ReadModelGenerations generations,
            org.springframework.context.ApplicationContext context) {
        return () -> queryBus.getObject().registerHandlerInterceptor(new ReadModelReadiness(generations,
                context.getBeansWithAnnotation(org.axonframework.config.ProcessingGroup.class).values()));
    }

    /** Static: a post-processor is needed before the projection beans it binds. */
    @Bean
    static ProjectionBinder projectionBinder(ObjectProvider<ReadModelGenerations> generations) {
        return new ProjectionBinder(generations);
    }

    /** The processor and its settings ({@code course.query.*}, checked here: a wrong value stops the start). */
    @Bean
    public ConfigurerModule readModelProcessors(MongoClient mongoClient,
                                                ReadModelClaim readModelClaim,
                                                ObjectProvider<ReadModelEventSource> readModelEventSource,
                                                StoredTokens readModelStoredTokens,
                                                MongoDatabase readModelDatabase,
                                                ReadModelGenerations generations,
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
                readModelStoredTokens, readModelClaim, generations);
        if (segments < 1) {
            throw new IllegalStateException("course.query.segments (" + segments + ") must be at least 1");
        }
        TrackingEventProcessorConfiguration settings = TrackingEventProcessorConfiguration
                .forParallelProcessing(segments).andInitialSegmentsCount(segments).andBatchSize(batchSize)
                // how soon an idle node tries to claim a segment another node released or let time out
                .andTokenClaimInterval(claimInterval.toMillis(), TimeUnit.MILLISECONDS)
                .andEventAvailabilityTimeout(eventAvailability.toMillis(), TimeUnit.MILLISECONDS)
                .andInitialTrackingToken(formerPosition(readModelStoredTokens));
        ReadModelEventSource source = readModelEventSource.getIfAvailable(() -> c -> c.eventStore());
        return configurer -> configurer.eventProcessing(processing -> ProcessingGroups.ALL.forEach(group -> {
            register(processing, group, source, linger, settings, tokenStore, segments > 1, readModelClaim, generations);
            ReadModelDeadLetters.register(processing, group, mongoClient, readModelDatabase.getName());
            if (!processorMetrics) {
                processing.registerMessageMonitor(group, c -> NoOpMessageMonitor.instance());
            }
        }));
    }

    /** Where the former shared processor stood (its lowest segment), for a processor that has no token yet. */
    private static java.util.function.Function<StreamableMessageSource<TrackedEventMessage<?>>, TrackingToken>
            formerPosition(StoredTokens stored) {
        return source -> stored.tokens(ProcessingGroups.FORMER_SHARED_PROCESSOR).values().stream()
                .filter(java.util.Objects::nonNull).map(WrappedToken::unwrapLowerBound)
                .reduce(TrackingToken::lowerBound).orElseGet(source::createTailToken);
    }

    private static void register(EventProcessingConfigurer processing, String processor, ReadModelEventSource source,
                                 Duration linger, TrackingEventProcessorConfiguration settings, TokenStore tokenStore,
                                 boolean severalSegments, ReadModelClaim claim, ReadModelGenerations generations) {
        processing
                // micro-batches once caught up: a batch's fixed cost (token, bulk writes) was most of the
                // live CPU of the read side, beside the commands (docs/benchmarks.md)
                .registerTrackingEventProcessor(processor, c -> lingering(source.source(c), linger))
                .registerTrackingEventProcessorConfiguration(processor, c -> settings)
                .registerSequencingPolicy(processor, c -> SequentialPerAggregatePolicy.instance())
                .registerTokenStore(processor, c -> tokenStore)
                .registerTransactionManager(processor, c -> NoTransactionManager.instance())
                .registerHandlerInterceptor(processor, c -> new BatchInterceptor(c, processor, severalSegments, claim,
                        generations));
    }

    private static StreamableMessageSource<TrackedEventMessage<?>> lingering(
            StreamableMessageSource<TrackedEventMessage<?>> source, Duration linger) {
        return new LingeringEventSource(source, linger);
    }
}
