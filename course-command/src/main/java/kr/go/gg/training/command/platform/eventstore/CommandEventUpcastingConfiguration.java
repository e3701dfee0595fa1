package kr.go.gg.training.command.platform.eventstore;

import kr.go.gg.training.api.upcasting.CourseEventUpcasters;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Old event revisions are upcast while they are read: Axon's Boot configuration registers every EventUpcaster
 * bean in its upcaster chain, which the event store (JDBC engine here, Axon Server under profile
 * {@code axonserver}) applies to every read: aggregates, tracking processors, the history and state paths.
 * One chain, defined in shared-api, under one bean name that the query side uses too (one copy in standalone).
 */
@Configuration(proxyBeanMethods = false)
public class CommandEventUpcastingConfiguration {

    @Bean(CourseEventUpcasters.BEAN_NAME)
    @ConditionalOnMissingBean(name = CourseEventUpcasters.BEAN_NAME)
    EventUpcasterChain courseEventUpcasters() {
        return CourseEventUpcasters.chain();
    }
}
