package kr.go.gg.training.command.embedded.bus;

import java.time.Duration;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * The command bus of the embedded default: Axon's SimpleCommandBus, built as Axon's auto-configuration builds it
 * (span factory, message monitor, correlation data), except that each command's unit of work takes a savepoint
 * (NESTED) instead of a transaction of its own, behind {@link GroupCommitCommandBus}, which commits the commands
 * waiting at a moment together. Declaring a CommandBus makes Axon's own back off. Under {@code axonserver} events
 * go to Axon Server, not to this database, and Axon Server's command bus stays as it is; with
 * {@code course.command.group-commit=false} every command commits alone (Axon's default bus).
 */
@Configuration(proxyBeanMethods = false)
@Profile("!axonserver")
@ConditionalOnProperty(name = "course.command.group-commit", havingValue = "true", matchIfMissing = true)
public class GroupCommitConfiguration {

    @Bean(initMethod = "start", destroyMethod = "shutDown")
    GroupCommitCommandBus commandBus(PlatformTransactionManager transactionManager,
                                     org.axonframework.config.Configuration axonConfiguration,
                                     DuplicateCommandHandlerResolver duplicateCommandHandlerResolver,
                                     MeterRegistry meterRegistry,
                                     @Value("${course.command.group-commit-max:64}") int maxGroupSize,
                                     @Value("${course.command.group-commit-gather:400us}") Duration gather) {
        SimpleCommandBus local = SimpleCommandBus.builder()
                .transactionManager(new SpringTransactionManager(transactionManager,
                        new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED)))
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axonConfiguration.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axonConfiguration.messageMonitor(CommandBus.class, "commandBus"))
                .build();
        local.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axonConfiguration.correlationDataProviders()));
        DistributionSummary groupSizes = DistributionSummary.builder("course.command.group.size")
                .description("commands committed together in one event-store transaction")
                .register(meterRegistry);
        return new GroupCommitCommandBus(local, new SpringTransactionManager(transactionManager), maxGroupSize, gather,
                groupSizes::record);
    }
}
