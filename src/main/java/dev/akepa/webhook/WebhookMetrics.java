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
                .publishPercentiles(0.5, 0.99)
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
