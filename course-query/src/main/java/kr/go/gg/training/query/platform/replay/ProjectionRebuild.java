package kr.go.gg.training.query.platform.replay;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import kr.go.gg.training.query.platform.readmodel.ProjectionHandlers;
import kr.go.gg.training.query.platform.readmodel.ReadModelDeadLetters;
import kr.go.gg.training.query.platform.readmodel.RebuildBuffer;
import kr.go.gg.training.query.platform.readmodel.ReadModelGenerations;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One projection's rebuild, on a thread of its own: reads every event from the first one, hands each to the
 * projection's own handlers (those of its live processor), and writes generation {@code generation} of its
 * collections through a {@link RebuildBuffer} (each document folded in memory, written in bulk when the buffer is
 * full). The live processor keeps following events into the live generation meanwhile. When no further event is
 * available (caught up with the head) the rebuild asks {@link GenerationSwitch} to make it live. A failing handler
 * parks its course in the rebuild's own dead-letter queue, which the processor adopts at the switch. Its record in
 * {@code readmodel_generations} ({@code building}) carries a heartbeat and its position; a rebuild whose record was
 * taken over (this node was thought dead) stops without switching.
 */
final class ProjectionRebuild implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final long BEAT_MILLIS = 1_000;
    private static final long CAUGHT_UP_WAIT_MILLIS = 100;

    private final String projection;
    private final int generation;
    private final String owner;
    private final TrackingEventProcessor live;
    private final ReadModelGenerations generations;
    private final GenerationSwitch switcher;
    private final RebuildSettings settings;
    private final List<EventMessageHandler> handlers;
    private final RebuildBuffer buffer;
    /** Where failing events are parked (the processor adopts it at the switch), and the sequences parked so far. */
    private final SequencedDeadLetterQueue<EventMessage<?>> letters;
    private final Set<Object> parked = new HashSet<>();
    private volatile boolean stopped;
    private TrackingToken last;
    private long handled;
    private long lastBeat;

    ProjectionRebuild(String projection, int generation, String owner, TrackingEventProcessor live,
                      ReadModelGenerations generations, GenerationSwitch switcher, RebuildSettings settings,
                      SequencedDeadLetterQueue<EventMessage<?>> letters) {
        this.projection = projection;
        this.generation = generation;
        this.owner = owner;
        this.live = live;
        this.generations = generations;
        this.switcher = switcher;
        this.settings = settings;
        this.handlers = ProjectionHandlers.of(live.eventHandlerInvoker());
        this.buffer = new RebuildBuffer(settings.bufferDocuments());
        this.letters = letters;
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        long started = System.nanoTime();
        try (BlockingStream<? extends TrackedEventMessage<?>> stream = live.getMessageSource().openStream(null)) {
            while (!stopped) {
                if (!stream.hasNextAvailable((int) CAUGHT_UP_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    buffer.flush(); // before the switch: the live processor is then stopped only for what is new
                    beat();
                    settings.hold().await(projection, this::beat, () -> stopped);
                    if (!stopped && switcher.switchOver(projection, generation, owner, () -> drain(stream), () -> last)) {
                        log.info("Rebuild of {} done: {} events in {} ms, generation {} is live", projection, handled,
                                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), generation);
                        return;
                    }
                    beat(); // postponed: still ours?
                    continue;
                }
                handle(stream);
                beatNowAndThen();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failed(e);
        } catch (Exception e) {
            failed(new IllegalStateException(e));
        }
    }

    /** Handles what is available now, batch after batch (the switch: the live processor is stopped everywhere). */
    private void drain(BlockingStream<? extends TrackedEventMessage<?>> stream) {
        while (stream.hasNextAvailable()) {
            try {
                handle(stream);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the rebuild of " + projection + " caught up", e);
            }
        }
        buffer.flush();
    }

    /** One batch of at most {@code batchSize} available events, in one unit of work; flushes when the buffer is full. */
    private void handle(BlockingStream<? extends TrackedEventMessage<?>> stream) throws InterruptedException {
        List<EventMessage<?>> batch = new ArrayList<>();
        while (batch.size() < settings.batchSize() && stream.hasNextAvailable()) {
            TrackedEventMessage<?> event = stream.nextAvailable();
            batch.add(event);
            last = event.trackingToken();
        }
        if (batch.isEmpty()) {
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

    private void beatNowAndThen() {
        if (System.currentTimeMillis() - lastBeat >= BEAT_MILLIS) {
            beat();
        }
    }

    /** Heartbeat and position into the rebuild's record; a record no longer ours stops this rebuild. */
    private void beat() {
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

    private void failed(RuntimeException e) {
        buffer.discard();
        letters.clear();
        log.error("Rebuild of {} (generation {}) failed; generation {} stays live", projection, generation,
                generation - 1, e);
        switcher.abandon(projection, generation, owner, e);
    }
}
