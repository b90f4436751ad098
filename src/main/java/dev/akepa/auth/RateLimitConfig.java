package dev.akepa.auth;

/**
 * The per-partner request rate.
 *
 * @param perSecond requests per second per partner and node (AKEPA_RATE_LIMIT; unset or 0: no limit)
 * @param burst     requests a partner may make at once (AKEPA_RATE_LIMIT_BURST, twice the rate)
 */
public record RateLimitConfig(double perSecond, double burst) {
    public static final RateLimitConfig NONE = new RateLimitConfig(0, 0);

    public RateLimitConfig {
        if (perSecond > 0 && burst < 1) throw new IllegalArgumentException("AKEPA_RATE_LIMIT_BURST must be at least 1");
    }
}
