package dev.akepa.auth;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Accounts, tokens, sessions and lock-out, for partners and reviewers.
 *
 * @param tokenLifetime         lifetime of partner API tokens (AKEPA_TOKEN_TTL, 1h)
 * @param partners              login → password created at start when absent (AKEPA_PARTNERS; sandbox default: the
 *                              demo partner)
 * @param reviewerTokenLifetime lifetime of review API tokens (AKEPA_REVIEW_TOKEN_TTL, 1h)
 * @param sessionIdle           a console session ends after this long without a request (AKEPA_REVIEW_SESSION_IDLE, 30m)
 * @param sessionMax            and in any case this long after login (AKEPA_REVIEW_SESSION_MAX, 8h)
 * @param maxFailedLogins       consecutive failed reviewer logins that lock a login (5)
 * @param lockout               how long a locked login stays locked (AKEPA_REVIEW_LOCKOUT, 15m)
 * @param loginThrottle         back-off of failed partner and reviewer logins (AKEPA_LOGIN_*)
 * @param rateLimit             per-partner request rate (AKEPA_RATE_LIMIT, AKEPA_RATE_LIMIT_BURST)
 */
public record AuthConfig(Duration tokenLifetime, Map<String, String> partners, Duration reviewerTokenLifetime,
                         Duration sessionIdle, Duration sessionMax, int maxFailedLogins, Duration lockout,
                         LoginThrottleConfig loginThrottle, RateLimitConfig rateLimit) {
    public AuthConfig {
        partners = Collections.unmodifiableMap(new LinkedHashMap<>(partners));
    }

    /** Passwords never appear in logs or error messages. */
    @Override
    public String toString() {
        return "AuthConfig[tokenLifetime=" + tokenLifetime + ", partners=" + partners.keySet()
                + ", reviewerTokenLifetime=" + reviewerTokenLifetime + ", sessionIdle=" + sessionIdle
                + ", sessionMax=" + sessionMax + ", maxFailedLogins=" + maxFailedLogins + ", lockout=" + lockout + ", loginThrottle=" + loginThrottle + ", rateLimit=" + rateLimit + "]";
    }
}
