package kr.go.gg.training.support.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.actuate.health.HealthEndpointGroupsPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** The health groups' names kept out of the anonymous {@code /actuator/health} answer, once per process. */
@AutoConfiguration
@ConditionalOnClass(HealthEndpointGroupsPostProcessor.class)
public class HealthAutoConfiguration {

    /** Static, as a post-processor of the endpoint's groups is asked for before the other beans exist. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    public static HealthGroupNamesHidden healthGroupNamesHidden() {
        return new HealthGroupNamesHidden();
    }
}
