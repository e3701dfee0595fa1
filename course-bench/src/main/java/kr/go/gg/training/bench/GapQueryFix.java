package kr.go.gg.training.bench;

import java.sql.PreparedStatement;
import java.util.List;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An experiment, off unless {@code --bench.fix.gap-query=true} (bench option {@code --fix gap-query}): the event
 * storage engine exactly as Axon's {@code JdbcAutoConfiguration} builds it, except for the statement that reads
 * events past a token that has gaps. Axon's statement is
 * {@code WHERE (globalIndex > ? AND globalIndex <= ?) OR globalIndex IN (gaps)}; H2 2.3 cannot use the primary
 * key for that OR and scans the whole table on every fetch (EXPLAIN: scanCount = all rows). Adding the enclosing
 * range {@code globalIndex >= min(gaps) AND globalIndex <= upper} lets it scan only the range. This is the change
 * proposed for course-command's event store wiring; the bench measures it before it lands there.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bench.fix.gap-query", havingValue = "true")
public class GapQueryFix {

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 org.springframework.beans.factory.ObjectProvider<EventSchema> eventSchemas) {
        // Axon's eventSchema() bean backs off with its engine; its default is new EventSchema()
        EventSchema eventSchema = eventSchemas.getIfAvailable(EventSchema::new);
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .readEventDataWithGaps(GapQueryFix::readEventDataWithGaps)
                .build();
    }

    static PreparedStatement readEventDataWithGaps(java.sql.Connection connection, EventSchema schema, long globalIndex,
                                                   int batchSize, List<Long> gaps) throws java.sql.SQLException {
        long lowest = globalIndex;
        for (Long gap : gaps) {
            lowest = Math.min(lowest, gap);
        }
        String index = schema.globalIndexColumn();
        String sql = "SELECT " + schema.trackedEventFields()
                + " FROM " + schema.domainEventTable()
                + " WHERE " + index + " >= ? AND " + index + " <= ? AND ((" + index + " > ? AND " + index + " <= ?) OR "
                + index + " IN (" + String.join(",", java.util.Collections.nCopies(gaps.size(), "?")) + "))"
                + " ORDER BY " + index + " ASC";
        PreparedStatement statement = connection.prepareStatement(sql);
        int i = 1;
        statement.setLong(i++, lowest);
        statement.setLong(i++, globalIndex + batchSize);
        statement.setLong(i++, globalIndex);
        statement.setLong(i++, globalIndex + batchSize);
        for (Long gap : gaps) {
            statement.setLong(i++, gap);
        }
        return statement;
    }
}
