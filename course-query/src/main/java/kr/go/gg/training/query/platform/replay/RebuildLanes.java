package kr.go.gg.training.query.platform.replay;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The work of a {@link ProjectionRebuild}'s targets on a pool of as many threads as cores: each target's work runs in
 * the order it was given (its lane), the lanes of different targets at once, and the read runs up to
 * {@link #AHEAD_EVENTS} events ahead of the slowest lane. Why ahead: a target writing its full buffer (20,000 documents)
 * waits a second or more for the wire server, and a read that waited for every target after each batch left a core
 * idle meanwhile; now the others handle the batches read since. A lane whose work fails runs none of its later work;
 * {@link #failure} says why, once the lane is quiet. Used by the rebuild's thread only.
 */
final class RebuildLanes {

    /** Events the read may be ahead of the slowest lane (memory: the batches held until every lane handled them). */
    static final int AHEAD_EVENTS = 32_000;

    /** Null: one target, or one core: its work runs on the rebuild's own thread. */
    private final ExecutorService pool;
    private final Executor executor;
    private final int ahead;
    private final Map<RebuildTarget, CompletableFuture<Void>> lanes = new HashMap<>();
    /** Per batch given to the lanes, not yet waited for: done when every lane has done it. */
    private final ArrayDeque<CompletableFuture<Void>> batches = new ArrayDeque<>();

    RebuildLanes(int targets, int batchSize, String name) {
        int threads = Math.min(targets, Runtime.getRuntime().availableProcessors());
        this.ahead = Math.max(1, AHEAD_EVENTS / batchSize);
        if (threads < 2) {
            this.pool = null;
            this.executor = Runnable::run;
            return;
        }
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.executor = pool;
    }

    /** Gives {@code work} to each target's lane, after its earlier work; waits while the read is too far ahead. */
    void give(List<RebuildTarget> targets, Consumer<RebuildTarget> work) {
        CompletableFuture<?>[] given = new CompletableFuture<?>[targets.size()];
        for (int i = 0; i < given.length; i++) {
            RebuildTarget target = targets.get(i);
            CompletableFuture<Void> lane = lanes.getOrDefault(target, CompletableFuture.completedFuture(null))
                    .thenRunAsync(() -> work.accept(target), executor);
            lanes.put(target, lane);
            given[i] = lane;
        }
        batches.add(CompletableFuture.allOf(given));
        while (batches.size() > ahead) {
            quietly(batches.poll());
        }
    }

    /** Whether {@code target}'s lane has failed already (its later work does not run). */
    boolean failed(RebuildTarget target) {
        CompletableFuture<Void> lane = lanes.get(target);
        return lane != null && lane.isCompletedExceptionally();
    }

    /** Waits until {@code target}'s lane has done all its work, and forgets it: the lane's failure, or null. */
    Throwable failure(RebuildTarget target) {
        CompletableFuture<Void> lane = lanes.remove(target);
        return lane == null ? null : quietly(lane);
    }

    /** After every lane is quiet: nothing runs on the pool any more. */
    void close() {
        lanes.values().forEach(RebuildLanes::quietly);
        if (pool != null) {
            pool.shutdown();
        }
    }

    /** Waits for {@code task}: its failure, or null. */
    private static Throwable quietly(CompletableFuture<?> task) {
        try {
            task.join();
            return null;
        } catch (CompletionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (CancellationException e) {
            return e;
        }
    }
}
