package kr.go.gg.training.query.platform.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import kr.go.gg.training.query.platform.readmodel.ClaimWatchingTokenStore;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * A replay asked for before the read models have handled any event (a fresh installation): the processor has no
 * token yet, and axon-mongo's token store, the one this module uses, cannot store the null replay token Axon
 * would make of it.
 */
class ReplayBeforeAnyEventTest {

    @ProcessingGroup(ProcessingGroups.ROSTERS)
    static class Rosters {
        @EventHandler
        void on(String event) {
        }
    }

    @Test
    void a_replay_before_any_event_is_accepted_with_nothing_to_rebuild_and_the_processor_keeps_running() {
        MongoServer server = new MongoServer(new MemoryBackend());
        MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
        String processorName = ProcessingGroups.READ_MODELS;
        TokenStore tokens = new ClaimWatchingTokenStore(MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, "course").build())
                .serializer(JacksonSerializer.defaultSerializer())
                .build());
        Configuration axon = DefaultConfigurer.defaultConfiguration(false) // no Axon Server connector module
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .eventProcessing(processing -> processing
                        .registerTrackingEventProcessor(processorName)
                        .assignProcessingGroup(ProcessingGroups.ROSTERS, processorName)
                        .registerTokenStore(processorName, c -> tokens)
                        .registerTransactionManager(processorName, c -> NoTransactionManager.instance())
                        .registerEventHandler(c -> new Rosters()))
                .buildConfiguration();
        axon.start();
        try {
            ProjectionAdmin admin = new ProjectionAdmin(axon.eventProcessingConfiguration());

            assertThat(admin.replay(ProcessingGroups.ROSTERS)).hasValueSatisfying(status -> {
                assertThat(status.replaying()).isFalse();
                assertThat(status.position()).isZero();
                assertThat(status.head()).isZero();
            });
            TrackingEventProcessor processor = axon.eventProcessingConfiguration()
                    .eventProcessor(processorName, TrackingEventProcessor.class).orElseThrow();
            assertThat(processor.isRunning()).isTrue();
            assertThat(processor.isError()).isFalse();
        } finally {
            axon.shutdown();
            client.close();
            server.shutdownNow();
        }
    }
}
