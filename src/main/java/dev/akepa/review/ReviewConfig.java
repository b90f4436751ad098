package dev.akepa.review;

import java.time.Duration;

/**
 * Console and review API settings.
 *
 * @param sessionIdle      a console session ends after this long without a request (AKEPA_REVIEW_SESSION_IDLE, 30m)
 * @param sessionMax       and in any case this long after login (AKEPA_REVIEW_SESSION_MAX, 8h)
 * @param tokenLifetime    lifetime of review API tokens (AKEPA_REVIEW_TOKEN_TTL, 1h)
 * @param maxFailedLogins  consecutive failed logins that lock a login (5)
 * @param lockout          how long a locked login stays locked (AKEPA_REVIEW_LOCKOUT, 15m)
 */
public record ReviewConfig(Duration sessionIdle, Duration sessionMax, Duration tokenLifetime, int maxFailedLogins,
                           Duration lockout) {}
