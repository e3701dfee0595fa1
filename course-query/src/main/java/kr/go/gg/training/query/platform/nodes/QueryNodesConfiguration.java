package kr.go.gg.training.query.platform.nodes;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.function.Function;
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
                readModelStoredTokens.owner(), readModelProcessor(processing), ProcessingGroups.ALL, coordinated,
                Clock.systemUTC());
        // the segments as stored (they outlive a change of course.query.segments)
        nodes.balance(name -> readModelStoredTokens.read(name).size());
        return nodes;
    }

    /** A read-model processor by name, looked up when needed (Axon builds them after the beans). */
    public static Function<String, TrackingEventProcessor> readModelProcessor(EventProcessingConfiguration processing) {
        return name -> processing.eventProcessor(name, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No tracking processor " + name));
    }
}
