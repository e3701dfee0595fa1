package kr.go.gg.training.query.platform.readmodel;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import kr.go.gg.training.api.TooManyRequests;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A projection's read model as it stood at a past instant: every event up to that instant, read from the projection's
 * own event source (the polled event store, or Axon Server), handed to the projection's own handlers (those its live
 * processor calls: {@link ProjectionHandlers}), which write through a {@link RebuildBuffer} into a throwaway
 * in-memory database ({@link ScratchDatabases}); the caller reads its answer from there with the projection's own
 * reading code, and the database is dropped. Nothing live is touched: each event's unit of work is rolled back once
 * the handlers have run, so no commit hook (subscription updates, cache invalidation) fires.
 * <p>
 * Bounded: the stream is read up to the head as it was when the fold started, and stops at the first event stamped
 * more than {@code course.query.as-of.skew} after the instant (events reach the store in about the order they were
 * stamped; the skew covers a unit of work that ran long, and clocks of several command nodes); at most
 * {@code course.query.as-of.max-folds} folds run at a time on a node, on threads of their own (no web worker waits),
 * and one more is refused at once ({@link Busy}). A handler that fails skips its course from then on, as the live
 * processor parks it.
 */
public final class ReadModelFolds implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadModelFolds.class);
    /** How long the stream may give no event while the head has not been reached. */
    private static final long STALL_SECONDS = 10;

    private final EventProcessingConfiguration processing;
    private final ScratchDatabases scratch = new ScratchDatabases();
    private final Duration skew;
    private final int maxFolds;
    private final int bufferDocuments;
    private final Clock clock;
    private final Semaphore running;
    private final ExecutorService threads;

    /** Refused: {@code max} folds are running on this node already. */
    public static final class Busy extends TooManyRequests {
        Busy(int max) {
            super("Too many reports as of an instant are being folded on this node (" + max + "); retry shortly");
        }
    }

    public ReadModelFolds(EventProcessingConfiguration processing, Duration skew, int maxFolds, int bufferDocuments,
                          Clock clock) {
        if (maxFolds < 1) {
            throw new IllegalStateException("course.query.as-of.max-folds (" + maxFolds + ") must be at least 1");
        }
        this.processing = processing;
        this.skew = skew;
        this.maxFolds = maxFolds;
        this.bufferDocuments = bufferDocuments;
        this.clock = clock;
        this.running = new Semaphore(maxFolds);
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(maxFolds, task -> {
            Thread thread = new Thread(task, "read-model-fold-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Whether no event stamped at or before {@code instant} can still arrive (a fold of it never changes). */
    public boolean settled(Instant instant) {
        return instant.isBefore(clock.instant().minus(skew));
    }

    /**
     * Folds {@code projection}'s events up to {@code asOf} and answers {@code read} of the throwaway database holding
     * its collections then; {@link Busy} at once when {@code course.query.as-of.max-folds} folds are running.
     */
    public <T> CompletableFuture<T> fold(String projection, Instant asOf, Function<MongoDatabase, T> read) {
        if (!running.tryAcquire()) {
            throw new Busy(maxFolds);
        }
        try {
            return CompletableFuture.supplyAsync(() -> run(projection, asOf, read), threads)
                    .whenComplete((answer, failure) -> running.release());
        } catch (RuntimeException e) {
            running.release();
            throw e;
        }
    }

    private <T> T run(String projection, Instant asOf, Function<MongoDatabase, T> read) {
        TrackingEventProcessor processor = processing.eventProcessor(projection, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("No read model " + projection));
        long started = System.nanoTime();
        MongoDatabase database = scratch.create();
        try {
            RebuildBuffer buffer = new RebuildBuffer(bufferDocuments, database);
            long handled = foldInto(buffer, processor.getMessageSource(), ProjectionHandlers.of(processor.eventHandlerInvoker()),
                    asOf);
            buffer.flush();
            T answer = read.apply(database);
            log.info("{} as of {}: {} events folded in {} ms", projection, asOf, handled,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return answer;
        } finally {
            database.drop();
        }
    }

    /** Hands every event stamped at or before {@code asOf} to the handlers; answers how many were handled. */
    private long foldInto(RebuildBuffer buffer, StreamableMessageSource<? extends TrackedEventMessage<?>> source,
                          List<EventMessageHandler> handlers, Instant asOf) {
        long head = position(source.createHeadToken());
        Instant last = asOf.plus(skew);
        Set<Object> failed = new HashSet<>();
        long handled = 0;
        if (head < 0) {
            return 0; // no event at all
        }
        try (BlockingStream<? extends TrackedEventMessage<?>> stream = source.openStream(null)) {
            while (true) {
                if (!stream.hasNextAvailable((int) STALL_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The event stream gave nothing for " + STALL_SECONDS
                            + " s before its head (" + head + ")");
                }
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (event.getTimestamp().isAfter(last)) {
                    return handled;
                }
                if (!event.getTimestamp().isAfter(asOf) && handle(event, handlers, buffer, failed)) {
                    handled++;
                    buffer.flushIfFull();
                }
                if (position(event.trackingToken()) >= head) {
                    return handled;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while folding events", e);
        }
    }

    /** One event through the handlers, in a unit of work that is rolled back (see the class comment). */
    private static boolean handle(EventMessage<?> event, List<EventMessageHandler> handlers, RebuildBuffer buffer,
                                  Set<Object> failed) {
        Object sequence = SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
        if (sequence != null && failed.contains(sequence)) {
            return false;
        }
        DefaultUnitOfWork<EventMessage<?>> uow = DefaultUnitOfWork.startAndGet(event);
        buffer.attach(uow, 0); // generation 0: the plain names, which the buffer finds in the scratch database
        try {
            for (EventMessageHandler handler : handlers) {
                if (handler.canHandle(event)) {
                    handler.handle(event);
                }
            }
            return true;
        } catch (Exception e) {
            log.warn("Fold: event {} of {} failed, its later events are left out: {}",
                    event.getPayloadType().getSimpleName(), sequence, e.toString());
            if (sequence != null) {
                failed.add(sequence);
            }
            return false;
        } finally {
            uow.rollback();
        }
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    @Override
    public void close() {
        threads.shutdownNow();
        scratch.close();
    }
}
