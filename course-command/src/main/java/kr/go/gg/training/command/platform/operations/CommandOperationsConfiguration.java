package kr.go.gg.training.command.platform.operations;

import kr.go.gg.training.command.operations.HealthGroupNamesHidden;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Metrics and health of the command side: timer {@code course.commands} (see /actuator/metrics, recorded by
 * platform.bus.CommandMetricsInterceptor); health groups
 * {@code liveness} and {@code readiness} (course-command.yml) without their listing in the anonymous answer.
 * Its only event processor (agreement lookup) is subscribing: no token, no lag.
 */
@Configuration(proxyBeanMethods = false)
public class CommandOperationsConfiguration {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    @ConditionalOnMissingBean(name = "healthGroupNamesHidden")
    static HealthGroupNamesHidden healthGroupNamesHidden() {
        return new HealthGroupNamesHidden();
    }
}
