package kr.go.gg.training.query.platform.replay;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Updates;
import kr.go.gg.training.query.platform.readmodel.ProjectionHandlers;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import kr.go.gg.training.query.platform.readmodel.ReadModelDeadLetters;
import kr.go.gg.training.query.platform.readmodel.ReadModelGenerations;
import kr.go.gg.training.query.platform.readmodel.RebuildBuffer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One projection in a {@link ProjectionRebuild}: hands each event of the shared read to the projection's own handlers
 * (those of its live processor), writing generation {@code generation} of its collections through a
 * {@link RebuildBuffer} (each document folded in memory, written in bulk when the buffer is full). A failing handler
 * parks its course in the rebuild's own dead-letter queue, which the processor adopts at the switch. Its record in
 * {@code readmodel_generations} ({@code building}) carries a heartbeat and its position; a target whose record was
 * taken over (this node was thought dead) stops without switching.
 */
final class RebuildTarget {

    private static final Logger log = LoggerFactory.getLogger(RebuildTarget.class);
    private static final long BEAT_MILLIS = 1_000;

    final String projection;
    final int generation;
    private final String owner;
    final TrackingEventProcessor live;
    private final ReadModelGenerations generations;
    private final List<EventMessageHandler> handlers;
    private final RebuildBuffer buffer;
    private final SequencedDeadLetterQueue<EventMessage<?>> letters;
    private final Set<Object> parked = new HashSet<>();
    private volatile boolean stopped;
    private long handled;
    private long lastBeat;

    RebuildTarget(String projection, int generation, String owner, TrackingEventProcessor live,
                  ReadModelGenerations generations, int bufferDocuments,
                  SequencedDeadLetterQueue<EventMessage<?>> letters) {
        this.projection = projection;
        this.generation = generation;
        this.owner = owner;
        this.live = live;
        this.generations = generations;
        this.handlers = ProjectionHandlers.of(live.eventHandlerInvoker()); // the dead-letter wrapper left out
        this.buffer = new RebuildBuffer(bufferDocuments);
        this.letters = letters;
    }

    void stop() {
        stopped = true;
    }

    boolean stopped() {
        return stopped;
    }

    long handled() {
        return handled;
    }

    /**
     * One batch of the shared read, in a unit of work of this projection's; flushes when the buffer is full. A stopped
     * target (it never switches) skips the batches queued for it, so a stop does not wait for them.
     */
    void handle(List<EventMessage<?>> batch) {
        if (stopped) {
            return;
        }
        BatchingUnitOfWork<EventMessage<?>> uow = new BatchingUnitOfWork<>(batch);
        buffer.attach(uow, generation);
        ResultMessage<?> result = uow.executeWithResult(() -> {
            handleOrPark(uow.getMessage());
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new IllegalStateException("Rebuild of " + projection + " failed at an event", result.exceptionResult());
        }
        handled += batch.size();
        buffer.flushIfFull();
    }

    /** Writes everything the buffer holds (caught up, or the switch). */
    void flush() {
        buffer.flush();
    }

    /**
     * Hands the event to the projection's handlers; a handler that fails parks its sequence (the aggregate), as the
     * live processor would, and the sequence's later events are parked behind it.
     */
    private void handleOrPark(EventMessage<?> event) {
        Object sequence = SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
        Object key = sequence == null ? event.getIdentifier() : sequence;
        if (parked.contains(key)) {
            letters.enqueue(key, new GenericDeadLetter<>(key, event));
            return;
        }
        try {
            for (EventMessageHandler handler : handlers) {
                if (handler.canHandle(event)) {
                    handler.handle(event);
                }
            }
        } catch (Exception e) {
            log.warn("Rebuild of {}: event {} of {} parked: {}", projection, event.getPayloadType().getSimpleName(), key,
                    e.toString());
            parked.add(key);
            letters.enqueue(key, ReadModelDeadLetters.firstFailure(key, event, e));
        }
    }

    void beatNowAndThen(TrackingToken last) {
        if (System.currentTimeMillis() - lastBeat >= BEAT_MILLIS) {
            beat(last);
        }
    }

    /** Heartbeat and position into the rebuild's record; a record no longer ours stops this target. */
    void beat(TrackingToken last) {
        lastBeat = System.currentTimeMillis();
        OptionalLong position = last == null ? OptionalLong.empty() : last.position();
        long modified = generations.pointers().updateOne(
                and(eq("_id", projection), eq("building.generation", generation), eq("building.owner", owner)),
                Updates.combine(Updates.set("building.beat", lastBeat),
                        Updates.set("building.position", position.orElse(0L)))).getModifiedCount();
        if (modified == 0 && generations.building(projection)
                .map(b -> !owner.equals(b.getString("owner"))).orElse(true)) {
            log.warn("Rebuild of {} (generation {}) was taken over or cancelled: stopping it here", projection, generation);
            stopped = true;
        }
    }

    /** Gives this target up: its buffer and letters go, the switch records why and drops its generation. */
    void failed(GenerationSwitch switcher, RuntimeException e) {
        buffer.discard();
        letters.clear();
        log.error("Rebuild of {} (generation {}) failed; generation {} stays live", projection, generation,
                generation - 1, e);
        switcher.abandon(projection, generation, owner, e);
    }

    boolean switchOver(GenerationSwitch switcher, Runnable drain, java.util.function.Supplier<TrackingToken> last) {
        return switcher.switchOver(projection, generation, owner, drain, last);
    }
}
