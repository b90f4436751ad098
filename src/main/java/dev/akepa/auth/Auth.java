package dev.akepa.auth;

import dev.akepa.http.JsonBodies;
import dev.akepa.http.RouteGroup;
import io.javalin.http.Handler;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Every account, token, session, lock-out and role, for partners and reviewers: built here, handed out as the one
 * before-matched filter ({@link #filter()}), the token routes ({@link #routes()}) and what the console needs to log
 * a reviewer in and out ({@link #reviewerLogins()}, {@link #consoleSessions()}).
 */
public final class Auth {
    private static final Logger log = LoggerFactory.getLogger(Auth.class);

    private final TokenService partnerTokens;
    private final ReviewerLogins reviewerLogins;
    private final ConsoleSessions consoleSessions;
    private final Authentication filter;
    private final AuthRoutes routes;
    private final RateLimits rateLimits;

    public Auth(Jdbi jdbi, AuthConfig config, PasswordHasher hasher, LoginRecorder loginRecorder, JsonBodies bodies,
                Clock clock) {
        PartnerRepository partners = new PartnerRepository(jdbi);
        createConfiguredPartners(partners, config, hasher, clock);
        ReviewerRepository reviewers = new ReviewerRepository(jdbi);
        this.partnerTokens = new TokenService(partners, hasher, config.tokenLifetime(), clock);
        ReviewerTokens reviewerTokens = new ReviewerTokens(reviewers, config, clock);
        LoginThrottle throttle = new LoginThrottle(config.loginThrottle(), clock);
        this.reviewerLogins = new ReviewerLogins(reviewers, hasher, loginRecorder, config, throttle, clock);
        this.consoleSessions = new ConsoleSessions(reviewers, config, clock);
        this.filter = new Authentication(partnerTokens, reviewerTokens, consoleSessions);
        this.routes = new AuthRoutes(partnerTokens, reviewerLogins, reviewerTokens, throttle, bodies);
        this.rateLimits = new RateLimits(config.rateLimit(), clock);
    }

    /** Hash only for a partner that does not exist yet: PBKDF2 at every start costs a third of start-up CPU. */
    private static void createConfiguredPartners(PartnerRepository partners, AuthConfig config, PasswordHasher hasher,
                                                 Clock clock) {
        config.partners().forEach((login, password) -> {
            if (partners.findByLogin(login).isEmpty() && partners.createIfAbsent(login, hasher.hash(password), clock.millis())) {
                log.info("Created partner '{}' from configuration", login);
            }
        });
    }

    public Handler filter() {
        return filter;
    }

    public RouteGroup routes() {
        return routes;
    }

    /** The per-partner request rate: a route group to list after {@link #routes()}'s filter and before idempotency. */
    public RouteGroup rateLimits() {
        return rateLimits;
    }

    public TokenService partnerTokens() {
        return partnerTokens;
    }

    public ReviewerLogins reviewerLogins() {
        return reviewerLogins;
    }

    public ConsoleSessions consoleSessions() {
        return consoleSessions;
    }
}
