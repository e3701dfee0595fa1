package kr.go.gg.training.command.platform.bus;

import java.util.Map;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who did what: commands carry {@code user} and {@code correlationId} (the HTTP request's, stamped by
 * {@link UserAndCorrelationDispatchInterceptor}), and both are copied into every event the command causes.
 * Declaring a CorrelationDataProvider switches off Axon's default MessageOriginProvider, so it is declared again
 * here, with its correlation key renamed to {@code causationId} (the id of the message that caused this one) so it
 * does not overwrite the request's correlation id; and {@code command} names the command that caused each event,
 * so history reads without looking the id up.
 */
@Configuration(proxyBeanMethods = false)
public class MetadataConfiguration {

    public static final String CAUSING_COMMAND = "command";

    @Bean
    CorrelationDataProvider userAndCorrelationProvider() {
        return new SimpleCorrelationDataProvider(UserAndCorrelationDispatchInterceptor.USER,
                UserAndCorrelationDispatchInterceptor.CORRELATION_ID);
    }

    @Bean
    CorrelationDataProvider causingCommandProvider() {
        return message -> message instanceof CommandMessage<?> command
                ? Map.of(CAUSING_COMMAND, command.getPayloadType().getSimpleName())
                : Map.of();
    }

    @Bean
    @ConditionalOnMissingBean(MessageOriginProvider.class)
    MessageOriginProvider messageOriginProvider() {
        return new MessageOriginProvider("causationId", "traceId");
    }
}
