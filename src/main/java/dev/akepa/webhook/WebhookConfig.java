package dev.akepa.webhook;

import java.time.Duration;
import java.util.List;

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

    public static final List<Duration> DEFAULT_SCHEDULE = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
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
}
