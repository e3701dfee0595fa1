package kr.go.gg.training.bench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a workload of {@code courses} courses from {@code clients} concurrent clients: each client takes the next
 * course and walks it through all its commands one after the other (each command waits for its answer).
 */
public final class Load {

    /** One client's way of walking course {@code index} through its life, timing each command. */
    @FunctionalInterface
    public interface Walker {
        /** @return the number of commands sent */
        int walk(int index, Latencies latencies) throws Exception;
    }

    /** @param lastAckNanos {@code System.nanoTime()} when the last command was acknowledged */
    public record Result(int courses, long commands, long elapsedNanos, long lastAckNanos, Latencies latencies) {

        public double seconds() {
            return elapsedNanos / 1e9;
        }

        public double commandsPerSecond() {
            return commands / seconds();
        }
    }

    private Load() {
    }

    public static Result run(int firstIndex, int courses, int clients, Walker walker) {
        AtomicInteger next = new AtomicInteger(firstIndex);
        int end = firstIndex + courses;
        ExecutorService pool = Executors.newFixedThreadPool(clients, r -> {
            Thread thread = new Thread(r, "bench-client");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Latencies> parts = new ArrayList<>();
            List<Future<long[]>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                Latencies latencies = new Latencies();
                parts.add(latencies);
                futures.add(pool.submit(() -> client(next, end, walker, latencies)));
            }
            long commands = 0;
            long lastAck = start;
            for (Future<long[]> future : futures) {
                long[] r = future.get();
                commands += r[0];
                lastAck = Math.max(lastAck, r[1]);
            }
            long elapsed = System.nanoTime() - start;
            return new Result(courses, commands, elapsed, lastAck, Latencies.merge(parts));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a client failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One client: takes the next course until none is left; returns its commands and its last acknowledgement. */
    private static long[] client(AtomicInteger next, int end, Walker walker, Latencies latencies) throws Exception {
        long commands = 0;
        long lastAck = 0;
        for (int index = next.getAndIncrement(); index < end; index = next.getAndIncrement()) {
            commands += walker.walk(index, latencies);
            lastAck = System.nanoTime();
        }
        return new long[] {commands, lastAck};
    }
}
