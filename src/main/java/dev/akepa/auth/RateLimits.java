package dev.akepa.auth;

import dev.akepa.http.ApiErrors;
import dev.akepa.http.RouteGroup;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-partner request rate (AKEPA_RATE_LIMIT requests per second, AKEPA_RATE_LIMIT_BURST at once): a token
 * bucket per partner, so one partner's flood never spends another's share. Per node, in memory: a check per
 * request must not cost a database round trip, and a balancer spreading load over N nodes allows N times the
 * rate, which the operator sets knowing N (docs/security.md). Registered after authentication and before the
 * idempotency filter, so a refused request claims no key.
 */
final class RateLimits implements RouteGroup {
    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);
    private static final long LOG_INTERVAL_MILLIS = 10_000;

    private final double perSecond;
    private final double burst;
    private final Clock clock;
    private final ConcurrentHashMap<Long, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimits(RateLimitConfig config, Clock clock) {
        this.perSecond = config.perSecond();
        this.burst = config.burst();
        this.clock = clock;
    }

    private final class Bucket {
        private double tokens = burst;
        private long refilledAt = clock.millis();
        private long loggedAt;

        /** 0 when a token was taken; else milliseconds until one is there. */
        synchronized long take(long now) {
            // A bucket made after this request read the clock has refilledAt > now: never refill by a negative time
            // (a fresh bucket of burst 1 refused its very first request).
            if (now > refilledAt) {
                tokens = Math.min(burst, tokens + (now - refilledAt) * perSecond / 1000.0);
                refilledAt = now;
            }
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * 1000.0 / perSecond);
        }

        synchronized boolean shouldLog(long now) {
            if (now - loggedAt < LOG_INTERVAL_MILLIS) return false;
            loggedAt = now;
            return true;
        }
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        if (perSecond > 0) routes.beforeMatched(this::limit);
    }

    private void limit(Context ctx) {
        if (!ctx.routeRoles().contains(Access.PARTNER)) return;
        Partner partner = Authentication.partner(ctx);
        long now = clock.millis();
        Bucket bucket = buckets.computeIfAbsent(partner.id(), id -> new Bucket());
        long waitMillis = bucket.take(now);
        if (waitMillis == 0) return;
        if (bucket.shouldLog(now)) log.warn("Partner '{}' is over its rate limit ({}/s, burst {})", partner.login(), perSecond, burst);
        throw ApiErrors.tooManyRequests(Math.max(1, (waitMillis + 999) / 1000));
    }
}
