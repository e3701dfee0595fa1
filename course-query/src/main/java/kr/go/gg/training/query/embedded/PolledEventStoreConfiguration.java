package kr.go.gg.training.query.embedded;

import java.time.Duration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read-model processor's event source on the embedded default: see {@link PolledEventStore}
 * ({@code course.query.poll-interval}). Under Axon Server there is no storage engine and it hands out Axon's event
 * store, as the read-model processor does without such a bean.
 */
@Configuration(proxyBeanMethods = false)
public class PolledEventStoreConfiguration {

    @Bean(destroyMethod = "close")
    public PolledEventStore readModelEventSource(ObjectProvider<EventStorageEngine> storageEngine,
                                                 @Value("${course.query.poll-interval:25ms}") Duration pollInterval) {
        return new PolledEventStore(storageEngine::getIfAvailable, pollInterval);
    }
}
