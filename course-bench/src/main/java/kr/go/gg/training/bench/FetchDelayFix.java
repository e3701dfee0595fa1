package kr.go.gg.training.bench;

import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An experiment, off unless {@code --fix fetch-delay}: the event store exactly as Axon's {@code AxonAutoConfiguration}
 * builds it, except that its shared event producer polls the storage every 20 ms instead of every 1,000 ms when a
 * tracking processor waits for events it was not notified of (profiling showed replaying processors parked for
 * whole seconds in {@code EmbeddedEventStore$EventConsumer.peekGlobalStream}). The change proposed for the event
 * store wiring; the bench measures it before it lands there.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bench.fix.fetch-delay", havingValue = "true")
public class FetchDelayFix {

    @Bean
    public EventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(20)
                .build();
    }
}
