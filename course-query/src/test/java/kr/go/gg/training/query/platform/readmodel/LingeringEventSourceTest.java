package kr.go.gg.training.query.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Micro-batching of the read-model processor's stream, on Axon's own event store (in memory). */
class LingeringEventSourceTest {

    private static final Duration LINGER = Duration.ofSeconds(1);

    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final LingeringEventSource source = new LingeringEventSource(eventStore, LINGER);

    @AfterEach
    void shutDown() {
        eventStore.shutDown();
    }

    @Test
    void aStreamAtTheHeadWaitsTheLingerAfterTheFirstNewEventSoTheBatchCollectsWhatFollows() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            assertThat(stream.peek()).isEmpty(); // the processor found nothing more: it is at the head

            eventStore.publish(GenericEventMessage.asEventMessage("first"));
            long started = System.nanoTime();
            assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(waitedMillis).isGreaterThanOrEqualTo(LINGER.toMillis());
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("first");
        }
    }

    @Test
    void aStreamThatIsBehindNeverWaits() throws Exception {
        for (int i = 0; i < 3; i++) {
            eventStore.publish(GenericEventMessage.asEventMessage("event " + i));
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(LINGER.toMillis());
                assertThat(stream.peek()).isPresent();
                assertThat(stream.nextAvailable().getPayload()).isEqualTo("event " + i);
            }
        }
    }

    @Test
    void noLingerLeavesTheStreamAsItIs() throws Exception {
        LingeringEventSource none = new LingeringEventSource(eventStore, Duration.ZERO);
        try (BlockingStream<TrackedEventMessage<?>> stream = none.openStream(null)) {
            assertThat(stream.peek()).isEmpty();
            eventStore.publish(GenericEventMessage.asEventMessage("first"));
            long started = System.nanoTime();
            assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(LINGER.toMillis());
        }
    }

    /** Axon Server stops sending a skipped type: a processor's token would then stop short of later positions. */
    @Test
    void aProcessorsRequestToSkipATypeNeverReachesTheSourceSoEveryEventStillComes() throws Exception {
        java.util.List<Object> skipped = new java.util.ArrayList<>();
        LingeringEventSource recording = new LingeringEventSource(new org.axonframework.messaging.StreamableMessageSource<>() {
            @Override
            public BlockingStream<TrackedEventMessage<?>> openStream(org.axonframework.eventhandling.TrackingToken token) {
                BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(token);
                return new BlockingStream<>() {
                    public java.util.Optional<TrackedEventMessage<?>> peek() {
                        return stream.peek();
                    }

                    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
                        return stream.hasNextAvailable(timeout, unit);
                    }

                    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
                        return stream.nextAvailable();
                    }

                    public void close() {
                        stream.close();
                    }

                    public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignored) {
                        skipped.add(ignored.getPayload());
                    }
                };
            }
        }, Duration.ZERO);
        eventStore.publish(GenericEventMessage.asEventMessage("not handled"));
        try (BlockingStream<TrackedEventMessage<?>> stream = recording.openStream(null)) {
            assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            stream.skipMessagesWithPayloadTypeOf(stream.nextAvailable());
        }
        assertThat(skipped).isEmpty();
    }
}
