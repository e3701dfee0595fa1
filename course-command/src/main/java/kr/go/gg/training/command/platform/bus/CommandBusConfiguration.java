package kr.go.gg.training.command.platform.bus;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every interceptor a command passes, registered here in the order it passes them (none of them is a bean, so
 * Axon's InterceptorAutoConfiguration registers none in an order of its own). Registered as Axon's auto-configuration
 * registers interceptors: on the gateway and the bus, from an InitializingBean (Axon's ConfigurerModule would make a
 * circular reference with the buses that need the Axon configuration).
 */
@Configuration(proxyBeanMethods = false)
public class CommandBusConfiguration {

    @Bean
    InitializingBean commandInterceptorsInOrder(CommandGateway commandGateway, CommandBus commandBus,
                                                MeterRegistry meterRegistry) {
        return () -> {
            // Dispatch, in the sender's thread (it still holds the HTTP request and the authenticated user):
            // 1. who sent the command and the request's correlation id, into its metadata
            commandGateway.registerDispatchInterceptor(new UserAndCorrelationDispatchInterceptor());
            // Handling, outermost first. Before all of these, each bus's own CorrelationDataInterceptor, which the
            // bus is built with (embedded.bus.GroupCommitConfiguration, axonserver.AxonServerCommandConfiguration),
            // copies metadata into the events.
            // 2. the latency timer, outermost, so it times the whole handling until commit or rollback
            commandBus.registerHandlerInterceptor(new CommandMetricsInterceptor(meterRegistry));
            // 3. refusals into CommandExecutionException details that cross Axon Server
            commandBus.registerHandlerInterceptor(new RefusalInterceptor());
            // Innermost, inside the aggregate: its @CommandHandlerInterceptor answerOnce (Course, ExchangeAgreement),
            // which answers a command whose Idempotency-Key it has seen (platform.idempotency.AnsweredKeys) and
            // checks a refusal's freshness; then the command handler.
        };
    }

    /**
     * Routing, before any of the above: every aggregate finds a command's target through
     * {@link CachingCommandTargetResolver} (Axon's aggregate configuration takes the registered component).
     */
    @Bean
    ConfigurerModule cachingCommandTargetResolver() {
        return configurer -> configurer.registerComponent(CommandTargetResolver.class,
                configuration -> new CachingCommandTargetResolver());
    }
}
