package kr.go.gg.training.query.platform.replay;

import kr.go.gg.training.query.platform.readmodel.BatchedCollection;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import kr.go.gg.training.query.platform.nodes.NodesDidNotStop;
import kr.go.gg.training.query.platform.nodes.ReadModelNodes;
import kr.go.gg.training.query.platform.readmodel.ReadModelGenerations;
import kr.go.gg.training.query.platform.readmodel.StoredTokens;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The switch of a caught-up rebuild: the projection's live processor stops on every query node (the board of
 * {@link ReadModelNodes}; the others keep running), the rebuild handles what arrived meanwhile and writes its buffer,
 * the live processor's tokens are set to where the rebuild stopped, the pointer names the new generation, and the
 * processor starts again everywhere, now writing the new generation. The old generation is retired: dropped after
 * {@link #RETIRE_AFTER}, longer than any node answers from a pointer it read before the switch.
 */
final class GenerationSwitch {

    static final Duration RETIRE_AFTER = Duration.ofSeconds(3);
    private static final Logger log = LoggerFactory.getLogger(GenerationSwitch.class);

    private final Function<String, TrackingEventProcessor> processors;
    private final Function<String, TokenStore> tokenStores;
    private final ReadModelGenerations generations;
    private final ReadModelNodes nodes;
    private final StoredTokens storedTokens;
    private final Duration stopTimeout;
    private final int segments;
    /** Told after a switch, with the projection and its new generation (dead letters follow the generation). */
    private final BiConsumer<String, Integer> switched;

    GenerationSwitch(Function<String, TrackingEventProcessor> processors, Function<String, TokenStore> tokenStores,
                     ReadModelGenerations generations, ReadModelNodes nodes, StoredTokens storedTokens,
                     Duration stopTimeout, int segments, BiConsumer<String, Integer> switched) {
        this.processors = processors;
        this.tokenStores = tokenStores;
        this.generations = generations;
        this.nodes = nodes;
        this.storedTokens = storedTokens;
        this.stopTimeout = stopTimeout;
        this.segments = segments;
        this.switched = switched;
    }

    /**
     * Returns whether {@code generation} is now live (false: try again later, or the rebuild was taken over). One
     * switch at a time per node, and one on the board across nodes ({@link ReadModelNodes#stopOthers}).
     */
    synchronized boolean switchOver(String projection, int generation, String owner, Runnable drain,
                                    Supplier<TrackingToken> last) {
        String request = UUID.randomUUID().toString();
        TrackingEventProcessor live = processors.apply(projection);
        int old = generations.refresh(projection);
        live.shutDown();
        try {
            nodes.stopOthers(request, stopTimeout, storedTokens, projection);
            drain.run();
            if (!generations.switchTo(projection, generation, owner)) {
                return false; // taken over: the live processor goes on where it was, in the old generation
            }
            if (last.get() != null) {
                // the drain ran while the live processor was stopped, so it stands at or before the rebuild's last
                // event: should this fail, it handles the rest again into the new generation (handlers are idempotent)
                try {
                    moveTokens(projection, last.get());
                } catch (UnableToClaimTokenException e) {
                    log.warn("{} continues from its own token in generation {}: {}", projection, generation, e.getMessage());
                }
            }
            generations.pointers().updateOne(eq("_id", projection), Updates.set("retired",
                    new org.bson.Document("generation", old).append("at", System.currentTimeMillis()
                            + RETIRE_AFTER.toMillis())));
            switched.accept(projection, generation);
            return true;
        } catch (NodesDidNotStop e) {
            log.warn("Switch of {} to generation {} postponed: {}", projection, generation, e.getMessage());
            return false;
        } finally {
            if (!nodes.stoppedForAnotherNode(projection)) { // else that node's switch starts it when it ends
                live.start();
            }
            nodes.startOthers(request);
        }
    }

    /**
     * Stops the live processors of {@code projections} on this node at once, before their switches run one after the
     * other: a processor's shutdown waits for its thread, which notices only when its wait for events times out (up to
     * {@code course.query.event-availability-timeout}, 1 s), so six switches in turn took six of those seconds. Each
     * switch then finds its processor stopped and starts it again; {@link #resume} starts one whose switch did not run.
     * Done when every one has stopped.
     */
    CompletableFuture<Void> stopLive(List<String> projections) {
        return CompletableFuture.allOf(projections.stream().map(processors).map(TrackingEventProcessor::shutdownAsync)
                .toArray(CompletableFuture[]::new));
    }

    /** Starts the live processor of {@code projection} again if it is stopped and no other node's switch holds it. */
    void resume(String projection) {
        TrackingEventProcessor live = processors.apply(projection);
        if (!live.isRunning() && !nodes.stoppedForAnotherNode(projection)) {
            live.start();
        }
    }

    /** Every segment of the live processor continues where the rebuild stopped. */
    private void moveTokens(String projection, TrackingToken token) {
        TokenStore store = tokenStores.apply(projection);
        int[] stored = store.fetchSegments(projection);
        if (stored.length == 0) {
            store.initializeTokenSegments(projection, segments, token);
            return;
        }
        long deadline = System.nanoTime() + stopTimeout.toNanos();
        for (int segment : stored) {
            claim(store, projection, segment, deadline);
            store.storeToken(token, projection, segment);
            store.releaseClaim(projection, segment);
        }
    }

    /** A claim that a stopped node could not release runs out after the claim timeout: keep trying until then. */
    private static void claim(TokenStore store, String projection, int segment, long deadline) {
        while (true) {
            try {
                store.fetchToken(projection, segment);
                return;
            } catch (UnableToClaimTokenException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** A rebuild that failed: its record goes, the live generation stays, its partial generation is dropped. */
    void abandon(String projection, int generation, String owner, RuntimeException cause) {
        generations.pointers().updateOne(and(eq("_id", projection), eq("building.generation", generation),
                eq("building.owner", owner)), Updates.combine(Updates.unset("building"),
                Updates.set("lastFailure", new org.bson.Document("generation", generation)
                        .append("cause", String.valueOf(cause.getMessage())).append("at", System.currentTimeMillis()))));
        dropGeneration(projection, generation);
    }

    void dropGeneration(String projection, int generation) {
        for (String base : generations.collections(projection)) {
            BatchedCollection.dropIfWritten(generations.collection(base, generation));
        }
    }
}
