package dev.akepa.auth;

import java.time.Clock;
import java.util.Optional;

/**
 * Console sessions: a random cookie value whose SHA-256 is the database key, so any node serves any session and
 * logout is immediate everywhere. A session ends after {@code sessionIdle} without requests and
 * {@code sessionMax} after login, whichever comes first.
 */
public final class ConsoleSessions {
    /** last_seen_at is written at most this often, so browsing does not turn every page view into a write. */
    private static final long TOUCH_EVERY_MILLIS = 30_000;

    private final ReviewerRepository reviewers;
    private final AuthConfig config;
    private final Clock clock;

    ConsoleSessions(ReviewerRepository reviewers, AuthConfig config, Clock clock) {
        this.reviewers = reviewers;
        this.config = config;
        this.clock = clock;
    }

    /** Starts a session; returns the cookie value (the only place it ever exists in clear). */
    public String start(Reviewer reviewer) {
        long now = clock.millis();
        reviewers.deleteStaleSessions(now, now - config.sessionIdle().toMillis());
        String token = OpaqueTokens.generate();
        reviewers.insertSession(OpaqueTokens.hash(token), reviewer.id(), now, now + config.sessionMax().toMillis());
        return token;
    }

    Optional<Reviewer> resolve(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) return Optional.empty();
        String hash = OpaqueTokens.hash(token);
        var session = reviewers.findSession(hash);
        if (session.isEmpty()) return Optional.empty();
        long now = clock.millis();
        if (now >= session.get().expiresAtMillis() || now - session.get().lastSeenMillis() >= config.sessionIdle().toMillis()) {
            reviewers.deleteSession(hash);
            return Optional.empty();
        }
        if (now - session.get().lastSeenMillis() >= TOUCH_EVERY_MILLIS) reviewers.touchSession(hash, now);
        return Optional.of(session.get().reviewer());
    }

    public void end(String token) {
        if (token != null) reviewers.deleteSession(OpaqueTokens.hash(token));
    }
}
