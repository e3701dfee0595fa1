package kr.go.gg.training.command.platform.idempotency;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A command's Idempotency-Key goes into the events it appends (see {@link IdempotencyKeys}). */
@Configuration(proxyBeanMethods = false)
public class IdempotencyConfiguration {

    @Bean
    CorrelationDataProvider idempotencyKeyProvider() {
        return new SimpleCorrelationDataProvider(IdempotencyKeys.USER, IdempotencyKeys.KEY, IdempotencyKeys.FINGERPRINT);
    }
}
