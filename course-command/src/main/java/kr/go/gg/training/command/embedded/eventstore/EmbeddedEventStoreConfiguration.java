package kr.go.gg.training.command.embedded.eventstore;

import java.time.Duration;

import javax.sql.DataSource;

import kr.go.gg.training.command.domain.AggregateFreshness;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default: the JDBC event storage engine on the DataSource ({@code spring.datasource.url}, an H2 file
 * under {@code course.data-dir}) and the file kept bounded (the tables: course-support's EventTableSchema). Under profile {@code axonserver} the Axon
 * Server event store takes over and none of this exists.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!axonserver")
public class EmbeddedEventStoreConfiguration {

    /**
     * Axon's JdbcAutoConfiguration engine, built as it builds it (same serializers, the upcaster chain and snapshot
     * filter of the Axon configuration, the persistence exception resolver below, its connection provider and
     * transaction manager, the default schema), except for the statement that reads past a token with gaps:
     * {@link BoundedGapQuery}. Declaring it makes the auto-configured engine (and its EventSchema bean) back off.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          ObjectProvider<EventSchema> eventSchemas) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                // Axon's eventSchema() bean backs off with its engine; its default is new EventSchema()
                .schema(eventSchemas.getIfAvailable(EventSchema::new))
                .readEventDataWithGaps(BoundedGapQuery.INSTANCE)
                .build();
    }

    /** One process appends: a cached aggregate is what the store holds. */
    @Bean
    AggregateFreshness aggregateFreshness() {
        return AggregateFreshness.SINGLE_WRITER;
    }

    @Bean
    PersistenceExceptionResolver uniqueViolationResolver() {
        return new UniqueViolationResolver();
    }

    /** Readiness: DOWN while the store cannot commit (a full disk), UP again once it can. */
    @Bean
    EventStoreWriteHealth eventStoreHealthIndicator(DataSource dataSource) {
        return new EventStoreWriteHealth(new JdbcTemplate(dataSource));
    }

    @Bean
    @ConditionalOnProperty(name = "course.event-store.compaction", havingValue = "true", matchIfMissing = true)
    H2FileCompaction h2FileCompaction(DataSource dataSource,
                                      @Value("${course.event-store.compaction-interval:5s}") Duration interval) {
        return new H2FileCompaction(dataSource, interval);
    }
}
