package dev.akepa.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a reviewer's password, for the console and the review API alike. After {@code maxFailedLogins}
 * consecutive failures the login is locked for {@code lockout}, counted in the database so every node agrees;
 * while locked, not even the right password is accepted (it is not even compared). Logins, failures and
 * lock-outs of existing accounts go to the audit trail (unknown logins do not: a mistyped password in the login
 * field must not end up on record).
 */
public final class ReviewerLogins {
    public static final Pattern LOGIN = Pattern.compile("^[0-9a-zA-Z_]{1,36}$");
    static final int MAX_PASSWORD = 200;

    private final ReviewerRepository reviewers;
    private final PasswordHasher hasher;
    private final LoginRecorder audit;
    private static final Logger log = LoggerFactory.getLogger(ReviewerLogins.class);
    private static final String REALM = "reviewer";
    private final AuthConfig config;
    private final LoginThrottle throttle;
    private final Clock clock;
    /** Checked for unknown and locked logins, so they take as long as others and timing reveals nothing. */
    private volatile String decoyHash;

    ReviewerLogins(ReviewerRepository reviewers, PasswordHasher hasher, LoginRecorder audit, AuthConfig config,
                   LoginThrottle throttle, Clock clock) {
        this.reviewers = reviewers;
        this.throttle = throttle;
        this.hasher = hasher;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The reviewer when the login is known, not locked and the password right; empty otherwise (never says which).
     * Unknown logins and wrong passwords also count in the login throttle shared with partners (429 while it backs
     * off); attempts on a locked login do not, since the database lock-out already holds it on every node.
     */
    public Optional<Reviewer> authenticate(String login, String password, String channel, String address) {
        throttle.check(REALM, String.valueOf(login), address);
        if (login == null || password == null || !LOGIN.matcher(login).matches()
                || password.isEmpty() || password.length() > MAX_PASSWORD) {
            return failed(login, channel, address, false);
        }
        var stored = reviewers.findByLogin(login);
        if (stored.isEmpty()) {
            hasher.matches(password, decoy());
            return failed(login, channel, address, false);
        }
        long now = clock.millis();
        Reviewer reviewer = stored.get().reviewer();
        if (stored.get().lockedUntilMillis() > now) {
            hasher.matches(password, decoy());
            log.warn("Refused reviewer login ({}) for locked '{}' from {}", channel, login, address);
            return Optional.empty();
        }
        if (!hasher.matches(password, stored.get().passwordHash())) {
            boolean locked = reviewers.recordFailure(reviewer.id(), config.maxFailedLogins(), now + config.lockout().toMillis());
            audit.recordLogin(login, locked ? "locked" : "login-failed",
                    locked ? config.maxFailedLogins() + " consecutive failed logins (" + channel + ")" : channel, now);
            return failed(login, channel, address, true);
        }
        throttle.succeeded(REALM, login);
        reviewers.resetFailures(reviewer.id());
        audit.recordLogin(login, "login", channel, now);
        return Optional.of(reviewer);
    }

    /** Counts the failure and logs it, naming the login only when it exists (never a mistyped password). */
    private Optional<Reviewer> failed(String login, String channel, String address, boolean known) {
        throttle.failed(REALM, String.valueOf(login), address);
        log.warn("Failed reviewer login ({}) for {} from {}", channel, known ? "'" + login + "'" : "an unknown login", address);
        return Optional.empty();
    }

    /** Made on first use rather than at start-up (a hash costs as much as a check). A race only makes two. */
    private String decoy() {
        String decoy = decoyHash;
        if (decoy == null) decoyHash = decoy = hasher.hash(OpaqueTokens.generate());
        return decoy;
    }

    public void recordLogout(Reviewer reviewer) {
        audit.recordLogin(reviewer.login(), "logout", "console", clock.millis());
    }
}
