package kr.go.gg.training.query.platform.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

/**
 * After Axon Server was away, the read-model processor sits in Axon's error back-off (1, 2, 4, 8 ... 60 s); the
 * watchdog restarts it as soon as the connection is back. Here the processor's event stream fails like the server's
 * (gRPC UNAVAILABLE) while "Axon Server is down", and the connection flag follows it.
 */
class ReadModelWatchdogTest {

    @ProcessingGroup(ProcessingGroups.ROSTERS)
    static class Rosters {
        final ConcurrentLinkedQueue<String> handled = new ConcurrentLinkedQueue<>();

        @EventHandler
        void on(String event) {
            handled.add(event);
        }
    }

    /** The event store's stream, refused while {@code down}, counting the processor's attempts. */
    record Outage(StreamableMessageSource<TrackedEventMessage<?>> delegate, AtomicBoolean down, AtomicInteger attempts)
            implements StreamableMessageSource<TrackedEventMessage<?>> {

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
            attempts.incrementAndGet();
            if (down.get()) {
                throw Status.UNAVAILABLE.withDescription("Axon Server is away").asRuntimeException();
            }
            return delegate.openStream(token);
        }

        @Override
        public TrackingToken createTailToken() {
            return delegate.createTailToken();
        }

        @Override
        public TrackingToken createHeadToken() {
            return delegate.createHeadToken();
        }
    }

    @Test
    void theProcessorFollowsAgainWithinTwoSecondsOfAxonServerComingBackNotAfterItsBackOff() {
        AtomicBoolean down = new AtomicBoolean(true);
        AtomicInteger attempts = new AtomicInteger();
        Rosters rosters = new Rosters();
        String processorName = ProcessingGroups.ROSTERS;
        Configuration axon = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .eventProcessing(processing -> processing
                        .registerTrackingEventProcessor(processorName,
                                c -> new Outage(c.eventStore(), down, attempts))
                        .registerTrackingEventProcessorConfiguration(processorName, c -> TrackingEventProcessorConfiguration
                                .forSingleThreadedProcessing().andTokenClaimInterval(200, TimeUnit.MILLISECONDS))
                        .assignProcessingGroup(ProcessingGroups.ROSTERS, processorName)
                        .registerTokenStore(processorName, c -> new InMemoryTokenStore())
                        .registerEventHandler(c -> rosters))
                .buildConfiguration();
        axon.start();
        TrackingEventProcessor processor = axon.eventProcessingConfiguration()
                .eventProcessor(processorName, TrackingEventProcessor.class).orElseThrow();
        ReadModelWatchdog watchdog = new ReadModelWatchdog(() -> java.util.List.of(processor), () -> !down.get(), ReadModelNodes.thisNodeOnly());
        watchdog.start();
        try {
            axon.getComponent(EventStore.class).publish(GenericEventMessage.asEventMessage("enrolled"));
            // failed at 0 s, 1 s and 3 s: Axon's next try would come 4 s later
            await().atMost(Duration.ofSeconds(10)).until(() -> attempts.get() >= 3);
            assertThat(rosters.handled).isEmpty();

            long back = System.nanoTime();
            down.set(false);

            await().atMost(Duration.ofMillis(2_500)).pollInterval(Duration.ofMillis(50))
                    .until(() -> rosters.handled.contains("enrolled"));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back)).isLessThan(2_000);
            assertThat(processor.isRunning()).isTrue();
            assertThat(processor.processingStatus().values()).noneMatch(s -> s.isErrorState());
        } finally {
            watchdog.stop();
            axon.shutdown();
        }
    }

    @Test
    void aProcessorStoppedOnPurposeIsLeftAlone() {
        String processorName = ProcessingGroups.ROSTERS;
        Configuration axon = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .eventProcessing(processing -> processing
                        .registerTrackingEventProcessor(processorName)
                        .assignProcessingGroup(ProcessingGroups.ROSTERS, processorName)
                        .registerTokenStore(processorName, c -> new InMemoryTokenStore())
                        .registerEventHandler(c -> new Rosters()))
                .buildConfiguration();
        axon.start();
        try {
            TrackingEventProcessor processor = axon.eventProcessingConfiguration()
                    .eventProcessor(processorName, TrackingEventProcessor.class).orElseThrow();
            processor.shutDown();
            ReadModelWatchdog watchdog = new ReadModelWatchdog(() -> java.util.List.of(processor), () -> true, ReadModelNodes.thisNodeOnly());

            watchdog.check();

            assertThat(processor.isRunning()).isFalse();
        } finally {
            axon.shutdown();
        }
    }
}
