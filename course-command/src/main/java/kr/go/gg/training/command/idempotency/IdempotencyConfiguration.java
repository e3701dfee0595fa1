package kr.go.gg.training.command.idempotency;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Idempotency-Key support; Axon's InterceptorAutoConfiguration puts the interceptor on the command bus. */
@Configuration(proxyBeanMethods = false)
public class IdempotencyConfiguration {

    @Bean
    IdempotencyStore idempotencyStore(DataSource dataSource) {
        return new IdempotencyStore(dataSource);
    }

    @Bean
    IdempotencyInterceptor idempotencyInterceptor(IdempotencyStore idempotencyStore) {
        return new IdempotencyInterceptor(idempotencyStore);
    }
}
