package dev.akepa.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** When to try again after a failed attempt: the configured schedule, or the receiver's longer Retry-After. */
final class RetryPolicy {
    /** A receiver may ask for a pause, not for a callback to be parked for days. */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    private final List<Duration> schedule;
    private final Clock clock;

    RetryPolicy(List<Duration> schedule, Clock clock) {
        this.schedule = schedule;
        this.clock = clock;
    }

    /**
     * The delay before the next attempt after {@code failedAttempts} failures of this series, or empty when the
     * schedule is exhausted and the callback is given up.
     */
    Optional<Duration> delayAfter(int failedAttempts, Optional<String> retryAfter) {
        if (failedAttempts > schedule.size()) return Optional.empty();
        Duration planned = schedule.get(failedAttempts - 1);
        // Retry-After may lengthen the wait, never shorten it: "503 Retry-After: 1" spent all 8 attempts in 8 s
        // instead of the schedule's ~28 h.
        Duration asked = retryAfter.flatMap(this::parseRetryAfter).orElse(planned);
        return Optional.of(asked.compareTo(planned) > 0 ? asked : planned);
    }

    /** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3); anything else is ignored. */
    Optional<Duration> parseRetryAfter(String value) {
        String v = value.trim();
        Duration asked;
        if (v.matches("\\d{1,10}")) {
            asked = Duration.ofSeconds(Long.parseLong(v));
        } else {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                asked = Duration.between(clock.instant(), at);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (asked.isNegative()) asked = Duration.ZERO;
        return Optional.of(asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked);
    }
}
