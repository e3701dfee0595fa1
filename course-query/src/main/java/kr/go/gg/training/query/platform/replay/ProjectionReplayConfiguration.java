package kr.go.gg.training.query.platform.replay;

import java.time.Duration;
import java.util.function.BiConsumer;
import kr.go.gg.training.query.platform.nodes.QueryNodesConfiguration;
import kr.go.gg.training.query.platform.nodes.ReadModelNodes;
import kr.go.gg.training.query.platform.readmodel.ReadModelDeadLetters;
import kr.go.gg.training.query.platform.readmodel.ReadModelGenerations;
import kr.go.gg.training.query.platform.readmodel.StoredTokens;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rebuilds beside the live generation ({@link ProjectionAdmin}): {@code course.query.rebuild.batch-size} events per
 * unit of work, {@code course.query.rebuild.buffer-documents} changed documents held before a bulk write,
 * {@code course.query.rebuild.gather}: rebuilds asked for within it of the first share one read of the events.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionReplayConfiguration {

    /** How long a switch waits for every query node to stop the projection's processor before it tries again later. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /** Rebuilds asked for within this of the first share its read ({@code course.query.rebuild.gather}). */
    static final Duration DEFAULT_GATHER = Duration.ofMillis(500);

    @Bean
    ProjectionAdmin projectionAdmin(EventProcessingConfiguration processing, StoredTokens readModelStoredTokens,
                                    ReadModelNodes readModelNodes, ReadModelGenerations generations,
                                    ReadModelDeadLetters letters, ObjectProvider<RebuildSwitched> switched,
                                    @Value("${course.query.segments:1}") int segments,
                                    @Value("${course.query.rebuild.batch-size:2000}") int batchSize,
                                    @Value("${course.query.rebuild.buffer-documents:20000}") int bufferDocuments,
                                    @Value("${course.query.rebuild.gather:500ms}") Duration gather) {
        BiConsumer<String, Integer> afterSwitch = (projection, generation) ->
                switched.orderedStream().forEach(s -> s.switched(projection, generation));
        return admin(processing, readModelStoredTokens, readModelNodes, generations, letters, STOP_TIMEOUT, segments,
                batchSize, bufferDocuments, gather, afterSwitch);
    }

    @Bean
    DeadLetterAdmin deadLetterAdmin(ReadModelDeadLetters readModelDeadLetters) {
        return new DeadLetterAdmin(readModelDeadLetters);
    }

    /** The replaced generation's dead letters go; the rebuild's own become the processor's. */
    @Bean
    RebuildSwitched deadLettersFollowTheGeneration(ReadModelDeadLetters readModelDeadLetters) {
        return readModelDeadLetters::adopt;
    }

    /** The admin of this node's projections (also for tests that wire several nodes by hand). */
    public static ProjectionAdmin admin(EventProcessingConfiguration processing, StoredTokens storedTokens,
                                        ReadModelNodes nodes, ReadModelGenerations generations,
                                        ReadModelDeadLetters letters, Duration stopTimeout, int segments,
                                        int batchSize, int bufferDocuments, BiConsumer<String, Integer> switched) {
        return admin(processing, storedTokens, nodes, generations, letters, stopTimeout, segments, batchSize,
                bufferDocuments, DEFAULT_GATHER, switched);
    }

    /** As above, with rebuilds asked for within {@code gather} of each other sharing one read of the events. */
    @SuppressWarnings("checkstyle:ParameterNumber")
    public static ProjectionAdmin admin(EventProcessingConfiguration processing, StoredTokens storedTokens,
                                        ReadModelNodes nodes, ReadModelGenerations generations,
                                        ReadModelDeadLetters letters, Duration stopTimeout, int segments,
                                        int batchSize, int bufferDocuments, Duration gather,
                                        BiConsumer<String, Integer> switched) {
        var processors = QueryNodesConfiguration.readModelProcessor(processing);
        GenerationSwitch switcher = new GenerationSwitch(processors, processing::tokenStore, generations, nodes,
                storedTokens, stopTimeout, segments, switched);
        return new ProjectionAdmin(new RebuildParts(generations, storedTokens, storedTokens.owner(), processors,
                switcher, letters, batchSize, bufferDocuments, gather));
    }
}
