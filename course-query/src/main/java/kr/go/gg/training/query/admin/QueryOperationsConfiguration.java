package kr.go.gg.training.query.admin;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Metrics and health of the query side: gauge {@code course.projection.lag} per processing group (see
 * /actuator/metrics); health groups {@code liveness} and {@code readiness} (course-query.yml) without their listing
 * in the anonymous answer (the command side declares the same bean; one copy in standalone).
 */
@Configuration(proxyBeanMethods = false)
public class QueryOperationsConfiguration {

    @Bean
    ProcessorLagMetrics courseProcessorLagMetrics(EventProcessingConfiguration eventProcessingConfiguration,
                                                  MeterRegistry meterRegistry) {
        return new ProcessorLagMetrics(eventProcessingConfiguration, meterRegistry);
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    @ConditionalOnMissingBean(name = "healthGroupNamesHidden")
    static HealthGroupNamesHidden healthGroupNamesHidden() {
        return new HealthGroupNamesHidden();
    }
}
