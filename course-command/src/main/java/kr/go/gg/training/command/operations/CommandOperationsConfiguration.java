package kr.go.gg.training.command.operations;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Metrics and health of the command side: timer {@code course.commands} (see /actuator/metrics); health groups
 * {@code liveness} and {@code readiness} (course-command.yml) without their listing in the anonymous answer.
 * Its only event processor (agreement lookup) is subscribing: no token, no lag.
 */
@Configuration(proxyBeanMethods = false)
public class CommandOperationsConfiguration {

    /** Registered on the command bus by Axon's InterceptorAutoConfiguration. */
    @Bean
    CommandMetricsInterceptor commandMetricsInterceptor(MeterRegistry meterRegistry) {
        return new CommandMetricsInterceptor(meterRegistry);
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    @ConditionalOnMissingBean(name = "healthGroupNamesHidden")
    static HealthGroupNamesHidden healthGroupNamesHidden() {
        return new HealthGroupNamesHidden();
    }
}
