package kr.go.gg.training.query.platform.replay;

import java.util.function.Function;
import kr.go.gg.training.query.platform.readmodel.ReadModelGenerations;
import kr.go.gg.training.query.platform.readmodel.StoredTokens;
import org.axonframework.eventhandling.TrackingEventProcessor;

/**
 * What a rebuild works with: the projections' generations and stored tokens, this node's name, the live processors,
 * the switch, and the rebuild's batch and buffer sizes.
 */
public record RebuildParts(ReadModelGenerations generations, StoredTokens storedTokens, String owner,
                           Function<String, TrackingEventProcessor> processors, GenerationSwitch switcher,
                           int batchSize, int bufferDocuments) {

    TrackingEventProcessor processor(String name) {
        return processors.apply(name);
    }

    RebuildSettings settings(SwitchHold hold) {
        return new RebuildSettings(batchSize, bufferDocuments, hold);
    }
}
