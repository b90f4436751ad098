package dev.akepa.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The partner token: fetched on first use, renewed {@code renewBefore} ahead of its dtsExpireAt, and renewed at once
 * when the server refuses it (a restart with a shorter lifetime, an operator revoking tokens). Thread-safe: concurrent
 * calls that find it stale renew it once.
 */
final class TokenSession {
    private final Supplier<Token> issuer;
    private final Clock clock;
    private final Duration renewBefore;
    private Token token;

    TokenSession(Supplier<Token> issuer, Clock clock, Duration renewBefore) {
        this.issuer = issuer;
        this.clock = clock;
        this.renewBefore = renewBefore;
    }

    synchronized String current() {
        if (token == null || !clock.instant().isBefore(token.dtsExpireAt().minus(renewBefore))) token = issuer.get();
        return token.token();
    }

    /** After a 401 for {@code refused}: a new token, unless another thread has renewed it already. */
    synchronized String renewAfterRefusal(String refused) {
        if (token == null || token.token().equals(refused)) token = issuer.get();
        return token.token();
    }

    synchronized Instant expiresAt() {
        return token == null ? null : token.dtsExpireAt();
    }
}
