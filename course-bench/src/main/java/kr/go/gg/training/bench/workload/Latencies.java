package kr.go.gg.training.bench.workload;

import java.util.Arrays;

/** Latency samples in nanoseconds, one instance per thread; merged afterwards. Exact percentiles by sorting. */
public final class Latencies {

    private long[] samples = new long[1024];
    private int size;

    public void record(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    public int count() {
        return size;
    }

    public static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies part : parts) {
            for (int i = 0; i < part.size; i++) {
                all.record(part.samples[i]);
            }
        }
        return all;
    }

    /** The {@code p}-th percentile (0 < p <= 100) in milliseconds, nearest-rank; NaN without samples. */
    public double percentileMs(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.min(size, Math.max(1, rank)) - 1] / 1e6;
    }

    public double meanMs() {
        if (size == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += samples[i];
        }
        return sum / size / 1e6;
    }
}
