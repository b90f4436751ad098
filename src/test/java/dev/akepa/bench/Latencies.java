package dev.akepa.bench;

import java.util.Arrays;

/** Latencies in nanoseconds recorded by one thread, merged at the end; exact percentiles, no histogram bucketing. */
final class Latencies {
    private long[] values = new long[1024];
    private int size;

    void add(long nanos) {
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = nanos;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) add(other.values[i]);
    }

    int count() {
        return size;
    }

    /** The value at or below which {@code percent}% of the recordings fall (nearest rank), in milliseconds. */
    double percentileMillis(double percent) {
        if (size == 0) return Double.NaN;
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * size);
        return sorted[Math.clamp(rank - 1, 0, size - 1)] / 1e6;
    }
}
