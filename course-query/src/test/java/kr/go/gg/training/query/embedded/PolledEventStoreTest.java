package kr.go.gg.training.query.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.config.Configuration;
import org.junit.jupiter.api.Test;

/** The read-model processor's own event store on the embedded default: it polls, no commit needs to wake it. */
class PolledEventStoreTest {

    @Test
    void eventsAppendedByAnotherWriterReachAStreamAtTheHeadWithinThePollInterval() throws Exception {
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
        try (PolledEventStore store = new PolledEventStore(() -> engine, Duration.ofMillis(20));
             BlockingStream<TrackedEventMessage<?>> stream = store.source(null).openStream(null)) {
            assertThat(stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)).isFalse(); // at the head: tailing

            // appended straight to the storage (the command side's event store, another context): nobody tells
            // this store; with Axon's default fetch delay it would look again only after a second
            engine.appendEvents(GenericEventMessage.asEventMessage("appended elsewhere"));

            long started = System.nanoTime();
            assertThat(stream.hasNextAvailable(900, TimeUnit.MILLISECONDS)).isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(900);
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("appended elsewhere");
        }
    }

    @Test
    void withoutAStorageEngineTheProcessorReadsAxonsEventStore() {
        var axonEventStore = org.axonframework.eventsourcing.eventstore.EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine()).build();
        Configuration configuration = org.axonframework.config.DefaultConfigurer.defaultConfiguration()
                .configureEventStore(c -> axonEventStore).buildConfiguration();
        try (PolledEventStore store = new PolledEventStore(() -> null, Duration.ofMillis(20))) {
            assertThat(store.source(configuration)).isSameAs(axonEventStore);
        } finally {
            axonEventStore.shutDown();
        }
    }
}
