package dev.akepa.kyc;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;

/**
 * akepa.verification.queue.depth (background verifications waiting or running, all nodes) and
 * akepa.verification.queue.oldest.age (seconds since the oldest of them became due: a stuck or missing worker
 * shows as a growing age even while the depth stays small). One query serves both gauges of a scrape.
 */
public final class VerificationQueueMetrics {
    private static final long SNAPSHOT_MILLIS = 1_000;

    private final VerificationJobs jobs;
    private final Clock clock;
    private VerificationJobs.QueueSnapshot last;
    private long lastAt;

    public VerificationQueueMetrics(VerificationJobs jobs, MeterRegistry registry, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
        Gauge.builder("akepa.verification.queue.depth", this, m -> m.depth())
                .description("Background verifications waiting or running")
                .strongReference(true)
                .register(registry);
        Gauge.builder("akepa.verification.queue.oldest.age", this, m -> m.oldestAgeSeconds())
                .description("Seconds since the oldest waiting background verification became due")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
    }

    private double depth() {
        VerificationJobs.QueueSnapshot s = snapshot();
        return s == null ? Double.NaN : s.depth();
    }

    private double oldestAgeSeconds() {
        VerificationJobs.QueueSnapshot s = snapshot();
        if (s == null) return Double.NaN;
        if (s.oldestDueMillis() == null) return 0;
        return Math.max(0, clock.millis() - s.oldestDueMillis()) / 1000.0;
    }

    /** Unknown (NaN) rather than zero while the database cannot be read. */
    private synchronized VerificationJobs.QueueSnapshot snapshot() {
        long now = clock.millis();
        if (last == null || now - lastAt >= SNAPSHOT_MILLIS) {
            try {
                last = jobs.snapshot();
                lastAt = now;
            } catch (RuntimeException e) {
                last = null;
                return null;
            }
        }
        return last;
    }
}
