package dev.akepa.review;

import dev.akepa.audit.AuditEntry;
import dev.akepa.audit.AuditKind;
import dev.akepa.audit.AuditTrail;
import dev.akepa.auth.PasswordHasher;

import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a reviewer's password, for the console and the review API alike. After {@code maxFailedLogins}
 * consecutive failures the login is locked for {@code lockout}, counted in the database so every node agrees;
 * while locked, not even the right password is accepted, and no password is checked. Logins, failures and
 * lock-outs of existing accounts go to the audit trail (unknown logins do not: a mistyped password in the login
 * field must not end up on record).
 */
final class ReviewerLogins {
    static final Pattern LOGIN = Pattern.compile("^[0-9a-zA-Z_]{1,36}$");
    static final int MAX_PASSWORD = 200;

    private final ReviewerRepository reviewers;
    private final PasswordHasher hasher;
    private final AuditTrail audit;
    private final ReviewConfig config;
    private final Clock clock;
    /** Checked for unknown logins, so they take as long as known ones and timing does not reveal accounts. */
    private final String decoyHash;

    ReviewerLogins(ReviewerRepository reviewers, PasswordHasher hasher, AuditTrail audit, ReviewConfig config, Clock clock) {
        this.reviewers = reviewers;
        this.hasher = hasher;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.decoyHash = hasher.hash(OpaqueTokens.generate());
    }

    /** The reviewer when the login is known, not locked and the password right; empty otherwise (never says which). */
    Optional<Reviewer> authenticate(String login, String password, String channel) {
        if (login == null || password == null || !LOGIN.matcher(login).matches()
                || password.isEmpty() || password.length() > MAX_PASSWORD) {
            return Optional.empty();
        }
        var stored = reviewers.findByLogin(login);
        if (stored.isEmpty()) {
            hasher.matches(password, decoyHash);
            return Optional.empty();
        }
        long now = clock.millis();
        Reviewer reviewer = stored.get().reviewer();
        if (stored.get().lockedUntilMillis() > now) return Optional.empty();
        if (!hasher.matches(password, stored.get().passwordHash())) {
            boolean locked = reviewers.recordFailure(reviewer.id(), config.maxFailedLogins(), now + config.lockout().toMillis());
            audit.append(AuditEntry.reviewerAction(AuditKind.LOGIN, login, locked ? "locked" : "login-failed",
                    locked ? config.maxFailedLogins() + " consecutive failed logins (" + channel + ")" : channel,
                    null, null, now));
            return Optional.empty();
        }
        reviewers.resetFailures(reviewer.id());
        audit.append(AuditEntry.reviewerAction(AuditKind.LOGIN, login, "login", channel, null, null, now));
        return Optional.of(reviewer);
    }

    void recordLogout(Reviewer reviewer) {
        audit.append(AuditEntry.reviewerAction(AuditKind.LOGIN, reviewer.login(), "logout", "console", null, null, clock.millis()));
    }
}
