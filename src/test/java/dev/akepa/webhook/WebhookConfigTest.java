package dev.akepa.webhook;

import dev.akepa.Config;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookConfigTest {
    private final Path data = Path.of("/tmp/akepa-data");

    /** The webhook slice of the whole configuration, in sandbox or production mode, with the data dir above. */
    private static WebhookConfig webhookConfig(Map<String, String> env, boolean sandbox, Path dataDir) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("AKEPA_MODE", sandbox ? "sandbox" : "production");
        all.put("AKEPA_DATA_DIR", dataDir.toString());
        return Config.fromEnvironment(all).webhook();
    }

    @Test
    void defaultsFollowTheIssue() {
        WebhookConfig production = webhookConfig(Map.of(), false, data);
        assertThat(production.allowPrivate()).isFalse();
        assertThat(production.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(production.retrySchedule()).containsExactly(Duration.ofSeconds(5), Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
        assertThat(production.secretOverlap()).isEqualTo(Duration.ofHours(24));
        assertThat(webhookConfig(Map.of(), true, data).allowPrivate()).isTrue();
    }

    @Test
    void everyDefaultCanBeOverridden() {
        WebhookConfig config = webhookConfig(Map.of(
                "AKEPA_WEBHOOK_ALLOW_PRIVATE", "false",
                "AKEPA_WEBHOOK_TIMEOUT", "300ms",
                "AKEPA_WEBHOOK_RETRY_SCHEDULE", "1s, 2m,PT3H",
                "AKEPA_WEBHOOK_SECRET_OVERLAP", "1h",
                "AKEPA_WEBHOOK_CONCURRENCY", "4",
                "AKEPA_WEBHOOK_POLL_INTERVAL", "250ms"), true, data);
        assertThat(config.allowPrivate()).isFalse();
        assertThat(config.timeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(config.retrySchedule()).containsExactly(Duration.ofSeconds(1), Duration.ofMinutes(2), Duration.ofHours(3));
        assertThat(config.secretOverlap()).isEqualTo(Duration.ofHours(1));
        assertThat(config.concurrency()).isEqualTo(4);
        assertThat(config.pollInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(webhookConfig(Map.of("AKEPA_WEBHOOK_RETRY_SCHEDULE", "none"), false, data).retrySchedule()).isEmpty();
        assertThatThrownBy(() -> webhookConfig(Map.of("AKEPA_WEBHOOK_TIMEOUT", "soon"), false, data))
                .hasMessageContaining("not a duration");
    }

    @Test
    void theScheduleRunsOutAfterItsLastEntry() {
        RetryPolicy policy = new RetryPolicy(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5)), Clock.systemUTC());
        assertThat(policy.delayAfter(1, Optional.empty())).contains(Duration.ofSeconds(5));
        assertThat(policy.delayAfter(2, Optional.empty())).contains(Duration.ofMinutes(5));
        assertThat(policy.delayAfter(3, Optional.empty())).isEmpty();
        assertThat(policy.delayAfter(3, Optional.of("1"))).as("Retry-After does not extend the schedule").isEmpty();
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDateAndBounded() {
        Clock fixed = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
        RetryPolicy policy = new RetryPolicy(List.of(Duration.ofSeconds(5)), fixed);
        assertThat(policy.delayAfter(1, Optional.of("120"))).contains(Duration.ofMinutes(2));
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.parse("2025-01-01T00:10:00Z"));
        assertThat(policy.delayAfter(1, Optional.of(date))).contains(Duration.ofMinutes(10));
        assertThat(policy.delayAfter(1, Optional.of("Wed, 01 Jan 2020 00:00:00 GMT"))).contains(Duration.ZERO);
        assertThat(policy.delayAfter(1, Optional.of("9999999"))).contains(RetryPolicy.MAX_RETRY_AFTER);
        assertThat(policy.delayAfter(1, Optional.of("soon"))).contains(Duration.ofSeconds(5));
    }
}
