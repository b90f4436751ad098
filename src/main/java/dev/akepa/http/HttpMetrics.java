package dev.akepa.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/**
 * akepa.http.requests: a timer per method, route template and status, with histogram buckets so percentiles can
 * be computed across nodes (histogram_quantile over the summed buckets), which per-node quantiles cannot.
 */
final class HttpMetrics {
    /** From a cached status read (about 1 ms here) to an upload of the largest file on a slow link. */
    private static final Duration[] BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10)};

    private final MeterRegistry registry;

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(RequestLabels labels, Duration duration) {
        Timer.builder("akepa.http.requests")
                .description("HTTP requests by method, route template and status")
                .serviceLevelObjectives(BUCKETS)
                .tags("method", labels.method(), "route", labels.route(), "status", labels.status())
                .register(registry)
                .record(duration);
    }
}
