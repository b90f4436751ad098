package dev.akepa.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.akepa.http.ApiErrors;

import java.time.Clock;
import java.time.Duration;

/**
 * Failed logins back off, per login and per client address: after the free failures each further one blocks
 * that key for twice as long as the last (up to the maximum), and a blocked key gets 429 tooManyRequests before
 * any password is compared — the right password included, or guessing would only be slowed, not stopped.
 * A success clears the login's count. Kept per node, in memory bounded by Caffeine (an attacker spraying
 * logins or addresses evicts old entries instead of growing the heap); with N nodes behind a balancer an
 * attacker gets at most N times the free failures, which the doubling back-off still contains.
 */
final class LoginThrottle {
    private static final int MAX_KEYS = 100_000;

    private final LoginThrottleConfig config;
    private final Clock clock;
    private final Cache<String, Failures> failures;

    private record Failures(int count, long blockedUntilMillis) {}

    LoginThrottle(LoginThrottleConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.failures = Caffeine.newBuilder().maximumSize(MAX_KEYS)
                .expireAfterWrite(config.maxBackoff().plus(config.maxBackoff())).build();
    }

    /** Throws 429 while either the login or the address is backing off. */
    void check(String realm, String login, String address) {
        long now = clock.millis();
        long until = Math.max(blockedUntil(loginKey(realm, login)), blockedUntil(addressKey(address)));
        if (until > now) throw ApiErrors.tooManyRequests(Math.max(1, (until - now + 999) / 1000));
    }

    void failed(String realm, String login, String address) {
        long now = clock.millis();
        record(loginKey(realm, login), config.freeFailuresPerLogin(), now);
        record(addressKey(address), config.freeFailuresPerAddress(), now);
    }

    void succeeded(String realm, String login) {
        failures.invalidate(loginKey(realm, login));
    }

    private long blockedUntil(String key) {
        Failures f = failures.getIfPresent(key);
        return f == null ? 0 : f.blockedUntilMillis();
    }

    private void record(String key, int free, long now) {
        failures.asMap().compute(key, (k, f) -> {
            int count = f == null ? 1 : f.count() + 1;
            long blockedUntil = count <= free ? 0 : now + backoff(count - free).toMillis();
            return new Failures(count, blockedUntil);
        });
    }

    private Duration backoff(int beyondFree) {
        Duration max = config.maxBackoff();
        if (beyondFree > 40) return max;
        Duration d = config.firstBackoff().multipliedBy(1L << (beyondFree - 1));
        return d.compareTo(max) > 0 ? max : d;
    }

    private static String loginKey(String realm, String login) {
        return realm + ":login:" + login;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
