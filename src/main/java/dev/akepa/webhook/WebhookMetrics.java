package dev.akepa.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * akepa.webhook.delivered / failed (given up, 410 included) / retried counters, akepa.webhook.lag (change → first
 * attempt) and akepa.webhook.queue.depth (pending callbacks of the whole database, not just this process).
 */
final class WebhookMetrics {
    /** A local change's callback goes out in milliseconds; a backlog or a stopped dispatcher shows in minutes. */
    private static final Duration[] LAG_BUCKETS = {
            Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30),
            Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30)};

    private final Counter delivered;
    private final Counter failed;
    private final Counter retried;
    private final Timer lag;

    WebhookMetrics(MeterRegistry registry, LongSupplier queueDepth) {
        delivered = Counter.builder("akepa.webhook.delivered").description("Callbacks answered with 2xx")
                .register(registry);
        failed = Counter.builder("akepa.webhook.failed").description("Callbacks given up (retries exhausted or 410 Gone)")
                .register(registry);
        retried = Counter.builder("akepa.webhook.retried").description("Failed attempts that will be retried")
                .register(registry);
        lag = Timer.builder("akepa.webhook.lag").description("From the status change to the first delivery attempt")
                // buckets, not per-node quantiles, so percentiles can be computed across nodes
                .serviceLevelObjectives(LAG_BUCKETS)
                .register(registry);
        Gauge.builder("akepa.webhook.queue.depth", () -> depthOrNaN(queueDepth))
                .description("Callbacks waiting for delivery")
                .strongReference(true)
                .register(registry);
    }

    private static double depthOrNaN(LongSupplier depth) {
        try {
            return depth.getAsLong();
        } catch (RuntimeException e) {
            return Double.NaN; // database unreachable: report unknown, not zero
        }
    }

    void delivered() { delivered.increment(); }

    void failed() { failed.increment(); }

    void retried() { retried.increment(); }

    void lag(Duration sinceChange) {
        lag.record(sinceChange.isNegative() ? Duration.ZERO : sinceChange);
    }
}
