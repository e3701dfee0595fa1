package kr.go.gg.training.command.axonserver;

import java.time.Duration;

import kr.go.gg.training.command.agreement.domain.AgreementLookup;
import kr.go.gg.training.command.domain.AggregateFreshness;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The command side as one node of several on Axon Server: Axon Server routes each command to one node by its
 * aggregate id, and a node joining or leaving moves aggregates between nodes, so a node's cached aggregate can be
 * out of date and two nodes can briefly handle the same aggregate. What keeps the decisions right: conflicts
 * retried on a fresh load ({@link ConflictRetryingCommandBus}), refusals checked against the event store
 * ({@link EventStoreFreshness}), and agreements read from the shared event stream ({@link StreamedAgreementLookup}).
 */
@Configuration(proxyBeanMethods = false)
@Profile("axonserver")
public class AxonServerCommandConfiguration {

    /** Built as Axon's auto-configuration builds its local segment, wrapped; declaring it makes Axon's back off. */
    @Bean
    @Qualifier("localSegment")
    CommandBus localSegment(TransactionManager transactionManager,
                            org.axonframework.config.Configuration axonConfiguration,
                            DuplicateCommandHandlerResolver duplicateCommandHandlerResolver,
                            @Value("${course.command.conflict-attempts:5}") int attempts) {
        SimpleCommandBus local = SimpleCommandBus.builder()
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axonConfiguration.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axonConfiguration.messageMonitor(CommandBus.class, "commandBus"))
                .build();
        local.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axonConfiguration.correlationDataProviders()));
        return new ConflictRetryingCommandBus(local, attempts);
    }

    @Bean
    AggregateFreshness aggregateFreshness(EventStore eventStore) {
        return new EventStoreFreshness(eventStore);
    }

    @Bean
    StreamedAgreementLookup agreementLookup(EventStore eventStore,
                                            @Value("${course.agreements.catch-up-limit:5s}") Duration catchUpLimit) {
        return new StreamedAgreementLookup(eventStore, catchUpLimit);
    }
}
