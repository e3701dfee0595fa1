package kr.go.gg.training.command.eventstore;

import java.time.Duration;

import javax.sql.DataSource;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.springframework.beans.factory.annotation.Value;
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
    PersistenceExceptionResolver uniqueViolationResolver() {
        return new UniqueViolationResolver();
    }

    @Bean
    @ConditionalOnProperty(name = "course.event-store.compaction", havingValue = "true", matchIfMissing = true)
    H2FileCompaction h2FileCompaction(DataSource dataSource,
                                      @Value("${course.event-store.compaction-interval:60s}") Duration interval) {
        return new H2FileCompaction(dataSource, interval);
    }
}
