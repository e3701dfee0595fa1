package kr.go.gg.training.query.platform.replay;

import java.util.function.Function;
import kr.go.gg.training.query.platform.readmodel.ReadModelDeadLetters;
import kr.go.gg.training.query.platform.readmodel.ReadModelGenerations;
import kr.go.gg.training.query.platform.readmodel.StoredTokens;
import org.axonframework.eventhandling.TrackingEventProcessor;

/**
 * What a rebuild works with: the projections' generations and stored tokens, this node's name, the live processors,
 * the switch, the dead letters (a rebuild parks failing events in a queue of its own), its batch and buffer sizes, and how long a rebuild gathers others to share its read.
 */
public record RebuildParts(ReadModelGenerations generations, StoredTokens storedTokens, String owner,
                           Function<String, TrackingEventProcessor> processors, GenerationSwitch switcher,
                           ReadModelDeadLetters letters, int batchSize, int bufferDocuments,
                           java.time.Duration gather) {

    TrackingEventProcessor processor(String name) {
        return processors.apply(name);
    }

    RebuildSettings settings(SwitchHold hold) {
        return new RebuildSettings(batchSize, bufferDocuments, gather, hold);
    }
}
