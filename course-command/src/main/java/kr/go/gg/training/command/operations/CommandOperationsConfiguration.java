package kr.go.gg.training.command.operations;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Metrics and health of the command side: timer {@code course.commands} (see /actuator/metrics); health groups
 * {@code liveness} and {@code readiness} (course-command.yml; their listing is hidden from the anonymous
 * answer by course-support's HealthGroupNamesHidden).
 * Its only event processor (agreement lookup) is subscribing: no token, no lag.
 */
@Configuration(proxyBeanMethods = false)
public class CommandOperationsConfiguration {

    /** Registered on the command bus by Axon's InterceptorAutoConfiguration. */
    @Bean
    CommandMetricsInterceptor commandMetricsInterceptor(MeterRegistry meterRegistry) {
        return new CommandMetricsInterceptor(meterRegistry);
    }
}
