package kr.go.gg.training.command.eventstore;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The embedded default: Axon's JdbcAutoConfiguration builds the JDBC event storage engine on the DataSource
 * ({@code spring.datasource.url}, an H2 file under {@code course.data-dir}); this adds its schema and keeps the
 * file bounded. Under profile {@code axonserver} the Axon Server event store takes over and none of this exists.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!axonserver")
public class EmbeddedEventStoreConfiguration {

    @Bean
    EventStoreSchema eventStoreSchema(DataSource dataSource) {
        return new EventStoreSchema(dataSource);
    }

    @Bean
    @ConditionalOnProperty(name = "course.event-store.compact-on-shutdown", matchIfMissing = true)
    H2Compaction h2Compaction(DataSource dataSource) {
        return new H2Compaction(dataSource);
    }
}
