package kr.go.gg.training.query.platform.operations;

import io.micrometer.core.instrument.MeterRegistry;
import kr.go.gg.training.query.platform.readmodel.ReadModelDeadLetters;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Metrics and health of the query side: gauge {@code course.projection.lag} per tracking processor (one per read model; see
 * /actuator/metrics); health groups {@code liveness} and {@code readiness} (course-query.yml) without their listing
 * in the anonymous answer (course-support's HealthGroupNamesHidden); the correlation id and
 * user of the causing command in the logging MDC while an event handler runs.
 */
@Configuration(proxyBeanMethods = false)
public class QueryOperationsConfiguration {

    @Bean
    ProcessorLagMetrics courseProcessorLagMetrics(EventProcessingConfiguration eventProcessingConfiguration,
                                                  MeterRegistry meterRegistry) {
        return new ProcessorLagMetrics(eventProcessingConfiguration, meterRegistry);
    }

    /** Health component {@code deadLetters} and gauge {@code course.projection.dead-letters}. */
    @Bean
    DeadLetterHealth deadLetters(ReadModelDeadLetters readModelDeadLetters, MeterRegistry meterRegistry) {
        return new DeadLetterHealth(readModelDeadLetters, meterRegistry);
    }

    /** Every event processor of the process (the read models' and, in standalone, the command side's). */
    @Bean
    ConfigurerModule eventLoggingContext() {
        EventLoggingContext interceptor = new EventLoggingContext();
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDefaultHandlerInterceptor((configuration, processorName) -> interceptor));
    }
}
