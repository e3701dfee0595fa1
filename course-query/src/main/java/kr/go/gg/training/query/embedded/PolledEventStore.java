package kr.go.gg.training.query.embedded;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import kr.go.gg.training.query.platform.readmodel.ReadModelEventSource;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * Where the read-model processor reads events. On the embedded default: an event store of its own over the same
 * storage engine, which reads new events every {@code pollInterval} instead of after every commit. The event store
 * that the commands publish to wakes its reader after each commit; at ~300 group commits a second that was a query
 * and a transaction each, 12 % of the process's CPU samples beside the commands (course-bench, JFR; 1 % polled),
 * while the processor waits for {@code course.query.linger} before each live batch anyway. Polling also serves a
 * query side in a context of its own (split mode in one JVM), where no commit of this context would wake a reader.
 * Costs an idle query every {@code pollInterval} and up to that much projection lag.
 * <p>
 * Under Axon Server (no storage engine here) the processor reads Axon's own event store, which Axon Server feeds.
 */
public final class PolledEventStore implements ReadModelEventSource, AutoCloseable {

    private final Supplier<EventStorageEngine> storageEngine;
    private final Duration pollInterval;
    private EmbeddedEventStore polled;

    /**
     * @param storageEngine the embedded default's storage engine, or null (Axon Server); asked for only when the
     *                      processor starts, since the engine itself needs Axon's configuration
     */
    public PolledEventStore(Supplier<EventStorageEngine> storageEngine, Duration pollInterval) {
        this.storageEngine = storageEngine;
        this.pollInterval = pollInterval;
    }

    /** The processor's source: the polled store, or Axon's event store where there is no storage engine. */
    @Override
    public synchronized StreamableMessageSource<TrackedEventMessage<?>> source(Configuration configuration) {
        if (polled == null) {
            EventStorageEngine engine = storageEngine.get();
            if (engine == null) {
                return configuration.eventStore();
            }
            polled = EmbeddedEventStore.builder()
                    .storageEngine(engine)
                    .fetchDelay(Math.max(1, pollInterval.toMillis()))
                    .timeUnit(TimeUnit.MILLISECONDS)
                    .build();
        }
        return polled;
    }

    /** After the processors have stopped (Spring destroys beans after the lifecycle phases). */
    @Override
    public synchronized void close() {
        if (polled != null) {
            polled.shutDown();
        }
    }
}
