package kr.go.gg.training.query.platform.readmodel;

import kr.go.gg.training.api.upcasting.CourseEventUpcasters;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tracking processors read old event revisions in their current form: Axon's Boot configuration puts every
 * EventUpcaster bean into the upcaster chain of the event store this side reads (JDBC or Axon Server). The chain
 * is shared-api's; the command side registers it under the same name (one copy in standalone).
 */
@Configuration(proxyBeanMethods = false)
public class QueryEventUpcastingConfiguration {

    @Bean(CourseEventUpcasters.BEAN_NAME)
    @ConditionalOnMissingBean(name = CourseEventUpcasters.BEAN_NAME)
    EventUpcasterChain courseEventUpcasters() {
        return CourseEventUpcasters.chain();
    }
}
