package kr.go.gg.training.query.platform.nodes;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.function.Supplier;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import kr.go.gg.training.query.platform.readmodel.StoredTokens;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Several query nodes: the board through which a replay stops and starts every node's read-model processor
 * ({@link ReadModelNodes}). {@code course.query.nodes.coordinated} is true under axonserver (course-query.yml); on
 * the embedded default there is one node, and nothing is written.
 */
@Configuration(proxyBeanMethods = false)
public class QueryNodesConfiguration {

    @Bean
    ReadModelNodes readModelNodes(MongoDatabase readModelDatabase, StoredTokens readModelStoredTokens,
                                  EventProcessingConfiguration processing,
                                  @Value("${course.query.nodes.coordinated:false}") boolean coordinated) {
        ReadModelNodes nodes = new ReadModelNodes(readModelDatabase.getCollection(ReadModelNodes.COLLECTION),
                readModelStoredTokens.owner(), readModelProcessor(processing), coordinated, Clock.systemUTC());
        // the segments as stored (they outlive a change of course.query.segments)
        nodes.balance(() -> readModelStoredTokens.read(ProcessingGroups.READ_MODELS).size());
        return nodes;
    }

    /** The read-model processor, looked up when first needed (Axon builds it after the beans). */
    static Supplier<TrackingEventProcessor> readModelProcessor(EventProcessingConfiguration processing) {
        return () -> processing.eventProcessor(ProcessingGroups.READ_MODELS, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No tracking processor " + ProcessingGroups.READ_MODELS));
    }
}
