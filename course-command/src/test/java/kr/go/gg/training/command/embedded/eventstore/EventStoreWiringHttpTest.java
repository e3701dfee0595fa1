package kr.go.gg.training.command.embedded.eventstore;

import kr.go.gg.training.command.platform.eventstore.TimeOrderedIdentifierFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import kr.go.gg.training.command.HttpTestSupport;
import kr.go.gg.training.command.embedded.agreement.AgreementLookupConfiguration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class EventStoreWiringHttpTest extends HttpTestSupport {

    @Autowired
    EventStorageEngine engine;
    @Autowired
    @Qualifier("courseCache")
    Cache courseCache;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void the_agreement_lookup_is_kept_by_a_subscribing_processor() {
        assertThat(processing.eventProcessor(AgreementLookupConfiguration.PROCESSING_GROUP))
                .hasValueSatisfying(processor -> assertThat(processor).isInstanceOf(SubscribingEventProcessor.class));
    }

    @Autowired
    HealthContributorRegistry health;

    @Test
    void health_includes_the_event_store_database() {
        assertThat(health.getContributor("db")).isNotNull();
    }

    @Test
    void events_go_to_the_jdbc_event_store_as_json() {
        assertThat(engine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(eventSerializer).isInstanceOf(JacksonSerializer.class);
        String id = proposeKoica(3);
        String payload = new String(jdbc.queryForObject("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                byte[].class, id));
        assertThat(payload).startsWith("{").contains("\"title\":\"Smart city policy\"");
    }

    @Test
    void new_courses_and_their_stored_events_get_time_ordered_ids() {
        String first = proposeKoica(3);
        String second = proposeKoica(3);
        assertThat(UUID.fromString(first).version()).isEqualTo(7);
        assertThat(second).isGreaterThan(first);
        List<String> eventIds = jdbc.queryForList("SELECT eventIdentifier FROM DomainEventEntry"
                + " WHERE aggregateIdentifier IN (?, ?) ORDER BY globalIndex", String.class, first, second);
        assertThat(eventIds).hasSize(2).isSorted()
                .allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(7));
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifierFactory.class);
    }

    @Autowired
    ApplicationContext context;

    @Test
    void the_engine_reads_past_a_token_with_gaps_through_the_range_bounded_statement() {
        assertThat(context.getBeanNamesForType(EventStorageEngine.class)).containsExactly("eventStorageEngine");
        String first = proposeKoica(3);
        String second = proposeKoica(3);
        long firstIndex = jdbc.queryForObject("SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier = ?", Long.class, first);
        long secondIndex = jdbc.queryForObject("SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier = ?", Long.class, second);
        jdbc.execute("SET QUERY_STATISTICS TRUE");
        try {
            List<String> read;
            try (var events = engine.readEvents(GapAwareTrackingToken.newInstance(secondIndex, Set.of(firstIndex)), false)) {
                read = events.map(TrackedEventMessage::getIdentifier).toList();
            }
            assertThat(read).hasSizeGreaterThanOrEqualTo(1);
            assertThat(jdbc.queryForList("SELECT SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS", String.class))
                    .anyMatch(sql -> sql.contains("WHERE globalIndex >= ? AND globalIndex <= ? AND ((globalIndex > ? AND globalIndex <= ?) OR globalIndex IN (?))"));
        } finally {
            jdbc.execute("SET QUERY_STATISTICS FALSE");
        }
    }

    @Test
    void the_aggregate_cache_holds_courses_between_commands() {
        String id = proposeKoica(3);
        assertThat(courseCache.containsKey(id)).isTrue();
        assertThat(post("/api/courses/" + id + "/demand-survey", Map.of("surveyedOn", "2015-01-01")).status()).isEqualTo(204);
        assertThat(courseCache.containsKey(id)).isTrue();
    }

    @Autowired
    H2FileCompaction compaction;

    @Test
    void online_compaction_runs_beside_live_commands() {
        String id = proposeKoica(3);
        compaction.compactNow();
        assertThat(post("/api/courses/" + id + "/demand-survey", Map.of("surveyedOn", "2015-01-01")).status()).isEqualTo(204);
        compaction.compactNow();
        assertThat(compaction.isAvailable()).isTrue();
        assertThat(events(id)).isEqualTo(2);
    }

    @Test
    void global_indexes_have_no_gaps_from_refused_commands() {
        String id = proposeKoica(3);
        post("/api/courses/" + id + "/start", Map.of());
        String next = proposeKoica(3);
        Long first = jdbc.queryForObject("SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier = ?", Long.class, id);
        Long second = jdbc.queryForObject("SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier = ?", Long.class, next);
        assertThat(second).isEqualTo(first + 1);
    }
}
