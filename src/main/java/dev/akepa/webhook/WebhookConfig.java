package dev.akepa.webhook;

import dev.akepa.Durations;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How callbacks are delivered; every field has a documented environment variable (docs/webhooks.md).
 *
 * @param allowPrivate    AKEPA_WEBHOOK_ALLOW_PRIVATE: permit loopback/private/link-local targets (default: sandbox only)
 * @param timeout         AKEPA_WEBHOOK_TIMEOUT: a 2xx must arrive within this, else the attempt failed (10s)
 * @param retrySchedule   AKEPA_WEBHOOK_RETRY_SCHEDULE: delays before each retry; after the last one, give up
 * @param secretOverlap   AKEPA_WEBHOOK_SECRET_OVERLAP: how long a rotated-out secret still signs (24h)
 * @param concurrency     AKEPA_WEBHOOK_CONCURRENCY: deliveries in flight per process (64)
 * @param pollInterval    AKEPA_WEBHOOK_POLL_INTERVAL: how often to look for work queued by other processes (1s)
 */
public record WebhookConfig(boolean allowPrivate, Duration timeout, List<Duration> retrySchedule,
                            Duration secretOverlap, int concurrency, Duration pollInterval) {

    static final List<Duration> DEFAULT_SCHEDULE = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));

    public WebhookConfig {
        retrySchedule = List.copyOf(retrySchedule);
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("webhook timeout must be positive");
        if (concurrency < 1) throw new IllegalArgumentException("AKEPA_WEBHOOK_CONCURRENCY must be at least 1");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("AKEPA_WEBHOOK_POLL_INTERVAL must be positive");
        }
        if (retrySchedule.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("AKEPA_WEBHOOK_RETRY_SCHEDULE must not contain negative durations");
        }
    }

    public static WebhookConfig fromEnv(Map<String, String> env, boolean sandbox) {
        return new WebhookConfig(
                Boolean.parseBoolean(value(env, "AKEPA_WEBHOOK_ALLOW_PRIVATE", Boolean.toString(sandbox))),
                Durations.parse(value(env, "AKEPA_WEBHOOK_TIMEOUT", "10s")),
                schedule(value(env, "AKEPA_WEBHOOK_RETRY_SCHEDULE", null)),
                Durations.parse(value(env, "AKEPA_WEBHOOK_SECRET_OVERLAP", "24h")),
                Integer.parseInt(value(env, "AKEPA_WEBHOOK_CONCURRENCY", "64")),
                Durations.parse(value(env, "AKEPA_WEBHOOK_POLL_INTERVAL", "1s")));
    }

    /** "5s,5m,30m" → the delays before retries 1, 2, 3; "none" means no retries at all. */
    static List<Duration> schedule(String spec) {
        if (spec == null) return DEFAULT_SCHEDULE;
        if (spec.trim().equalsIgnoreCase("none")) return List.of();
        return Arrays.stream(spec.split(",")).map(String::trim).map(Durations::parse).toList();
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }
}
