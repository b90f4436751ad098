package dev.akepa.bench;

import java.util.Arrays;

/** Durations of measured journeys, kept in full (a run has at most some tens of thousands), for percentiles. */
final class JourneyTimes {
    private long[] nanos = new long[4096];
    private int count;

    synchronized void add(long durationNanos) {
        if (count == nanos.length) nanos = Arrays.copyOf(nanos, count * 2);
        nanos[count++] = durationNanos;
    }

    synchronized int count() {
        return count;
    }

    synchronized double percentileMillis(int percentile) {
        if (count == 0) return 0;
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * count) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
