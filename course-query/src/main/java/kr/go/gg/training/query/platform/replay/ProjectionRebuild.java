package kr.go.gg.training.query.platform.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rebuilds of one or more projections on a thread of its own, reading every event from the first one ONCE for all
 * of them: each batch is read and deserialised once and handed to every projection's {@link RebuildTarget} (six
 * projections each reading the store on its own were six reads and six deserialisations of every event, most of a
 * rebuild's time in course-bench). Rebuilds asked for within {@code course.query.rebuild.gather} of the first one
 * (a replay of several projections, the layout rebuilds at start) join it, and the read begins at once when every
 * projection has joined; one asked later starts a read of its own.
 * When no further event is available (caught up with the head) each projection is switched in turn
 * ({@link GenerationSwitch}); a projection whose rebuild fails gives up alone, the others go on.
 * <p>
 * The targets handle the batches (and write their buffers) at once, each in its own order ({@link RebuildLanes}, as
 * many threads as cores): while one waits for the wire server to store its bulk write, another handles, and the wire
 * server stores the writes of different collections on their own connections at once (with one thread, rebuild
 * thread and wire server took turns: course-bench's rebuild thread spent most of its time waiting in
 * {@code bulkWrite}). Each target has its own buffer and collections; the live processors already call the same
 * handler beans from their own threads. A target's lane is waited for before it is flushed for a switch, failed,
 * or done, so none of that finds its work under way.
 */
final class ProjectionRebuild implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final long CAUGHT_UP_WAIT_MILLIS = 100;

    private final GenerationSwitch switcher;
    private final RebuildSettings settings;
    /** Told when a target is done (switched, failed, stopped or taken over). */
    private final Consumer<RebuildTarget> finished;
    private final List<RebuildTarget> targets = new CopyOnWriteArrayList<>();
    private boolean reading;
    private volatile boolean stopped;
    private TrackingToken last;
    /** Where the targets work, each in order, at once; from the read on. */
    private RebuildLanes lanes;

    ProjectionRebuild(GenerationSwitch switcher, RebuildSettings settings, Consumer<RebuildTarget> finished) {
        this.switcher = switcher;
        this.settings = settings;
        this.finished = finished;
    }

    /** Adds {@code target} unless the read has begun (then it needs a read of its own): whether it joined. */
    synchronized boolean join(RebuildTarget target) {
        if (reading) {
            return false;
        }
        targets.add(target);
        notifyAll();
        return true;
    }

    /**
     * Waits the gather for others to join, or less once every projection has: none can join after that (one rebuild
     * per projection), and a replay of all of them (course-bench, a layout change of every read model) need not wait.
     */
    private synchronized void gather() throws InterruptedException {
        long deadline = System.nanoTime() + settings.gather().toNanos();
        long left = settings.gather().toNanos();
        while (targets.size() < ProcessingGroups.ALL.size() && left > 0) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
            left = deadline - System.nanoTime();
        }
        reading = true;
    }

    void stop() {
        stopped = true;
        targets.forEach(RebuildTarget::stop);
    }

    @Override
    public void run() {
        try {
            gather();
            lanes = new RebuildLanes(targets.size(), settings.batchSize(), Thread.currentThread().getName());
            read();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            List.copyOf(targets).forEach(target -> fail(target, e)); // the read itself failed (the store away)
        } finally {
            List.copyOf(targets).forEach(this::done);
            if (lanes != null) {
                lanes.close();
            }
        }
    }

    private void read() throws InterruptedException {
        long started = System.nanoTime();
        try (BlockingStream<? extends TrackedEventMessage<?>> stream =
                     targets.get(0).live.getMessageSource().openStream(null)) {
            while (!stopped && !targets.isEmpty()) {
                targets.stream().filter(RebuildTarget::stopped).toList().forEach(this::done);
                if (!stream.hasNextAvailable((int) CAUGHT_UP_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    caughtUp(stream, started);
                    continue;
                }
                handleAll(next(stream));
                targets.forEach(target -> target.beatNowAndThen(last));
            }
        }
    }

    /** Caught up: every target writes its buffer, then each is switched in turn (the others wait meanwhile). */
    private void caughtUp(BlockingStream<? extends TrackedEventMessage<?>> stream, long started) {
        List<RebuildTarget> ready = targets.stream()
                .filter(t -> !t.stopped() && !settings.hold().holding(t.projection)).toList();
        CompletableFuture<Void> stopping = ready.size() > 1
                ? switcher.stopLive(ready.stream().map(t -> t.projection).toList()) : null;
        try {
            eachTarget(RebuildTarget::flush); // at once, while the live processors stop
            if (stopping != null) {
                stopping.join();
            }
            switchEach(stream, started);
        } finally {
            ready.forEach(t -> switcher.resume(t.projection));
        }
    }

    private void switchEach(BlockingStream<? extends TrackedEventMessage<?>> stream, long started) {
        for (RebuildTarget target : List.copyOf(targets)) {
            target.flush(); // before the switch: the live processor is then stopped only for what is new
            target.beat(last);
            if (target.stopped() || settings.hold().holding(target.projection)) {
                continue;
            }
            try {
                if (target.switchOver(switcher, () -> drain(stream, target), () -> last)) {
                    log.info("Rebuild of {} done: {} events in {} ms, generation {} is live", target.projection,
                            target.handled(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                            target.generation);
                    done(target);
                } else {
                    target.beat(last); // postponed: still ours?
                }
            } catch (RuntimeException e) {
                if (targets.contains(target)) {
                    fail(target, e);
                }
            }
        }
    }

    /** Handles what is available now (the switch of {@code switching}: its live processor is stopped everywhere). */
    private void drain(BlockingStream<? extends TrackedEventMessage<?>> stream, RebuildTarget switching) {
        while (stream.hasNextAvailable()) {
            try {
                handleAll(next(stream));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the rebuild of " + switching.projection
                        + " caught up", e);
            }
        }
        eachTarget(RebuildTarget::flush);
        if (!targets.contains(switching)) {
            throw new IllegalStateException("Rebuild of " + switching.projection + " failed while it caught up");
        }
    }

    /** At most {@code batchSize} available events, read (and deserialised) once for every target. */
    private List<EventMessage<?>> next(BlockingStream<? extends TrackedEventMessage<?>> stream)
            throws InterruptedException {
        List<EventMessage<?>> batch = new ArrayList<>();
        while (batch.size() < settings.batchSize() && stream.hasNextAvailable()) {
            TrackedEventMessage<?> event = stream.nextAvailable();
            event.getPayload(); // deserialised once here, not by whichever target touches it first
            event.getMetaData();
            batch.add(event);
            last = event.trackingToken();
        }
        return batch;
    }

    /** Gives the batch to every target's lane; a target whose lane failed meanwhile is failed now. */
    private void handleAll(List<EventMessage<?>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        lanes.give(List.copyOf(targets), target -> target.handle(batch));
        for (RebuildTarget target : List.copyOf(targets)) {
            if (lanes.failed(target)) {
                settle(target);
            }
        }
    }

    /** Runs {@code work} for every target, at once, and waits for all: every lane is quiet afterwards. */
    private void eachTarget(Consumer<RebuildTarget> work) {
        List<RebuildTarget> now = List.copyOf(targets);
        lanes.give(now, work);
        now.forEach(this::settle);
    }

    /** Waits for the target's lane; a target whose work failed fails alone. */
    private void settle(RebuildTarget target) {
        Throwable failure = lanes.failure(target);
        if (failure != null) {
            fail(target, failure instanceof RuntimeException e ? e : new IllegalStateException(failure));
        }
    }

    private void fail(RebuildTarget target, RuntimeException e) {
        quiet(target); // its buffer and generation go: nothing of it may still run
        target.failed(switcher, e);
        done(target);
    }

    private void quiet(RebuildTarget target) {
        if (lanes != null) {
            lanes.failure(target);
        }
    }

    private void done(RebuildTarget target) {
        quiet(target); // a rebuild of it started next must find none of this one's writes under way
        if (targets.remove(target)) {
            finished.accept(target);
        }
    }
}
