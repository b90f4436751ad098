package dev.akepa.auth;

import java.time.Clock;
import java.util.Optional;

/** Review API tokens (header x-akepa-reviewer-token): 256 random bits, stored as SHA-256, fixed lifetime. */
final class ReviewerTokens {
    public record Issued(String token, long expiresAtMillis) {}

    private final ReviewerRepository reviewers;
    private final AuthConfig config;
    private final Clock clock;

    ReviewerTokens(ReviewerRepository reviewers, AuthConfig config, Clock clock) {
        this.reviewers = reviewers;
        this.config = config;
        this.clock = clock;
    }

    Issued issue(Reviewer reviewer) {
        long now = clock.millis();
        reviewers.deleteExpiredTokens(now);
        String token = OpaqueTokens.generate();
        long expires = now + config.reviewerTokenLifetime().toMillis();
        reviewers.insertToken(OpaqueTokens.hash(token), reviewer.id(), expires);
        return new Issued(token, expires);
    }

    Optional<Reviewer> resolve(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) return Optional.empty();
        return reviewers.findLiveToken(OpaqueTokens.hash(token), clock.millis());
    }
}
