package dev.akepa.auth;

import dev.akepa.http.ApiErrors;
import dev.akepa.http.JsonBodies;
import dev.akepa.http.Responses;
import dev.akepa.http.RouteGroup;
import dev.akepa.http.Times;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import tools.jackson.databind.JsonNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/** POST /auth/get-token (partners) and POST /review/auth/get-token (reviewers): same body, same answer. */
final class AuthRoutes implements RouteGroup {
    private static final Logger log = LoggerFactory.getLogger(AuthRoutes.class);
    private static final String PARTNER_REALM = "partner";
    private final TokenService partnerTokens;
    private final LoginThrottle throttle;
    private final ReviewerLogins reviewerLogins;
    private final ReviewerTokens reviewerTokens;
    private final JsonBodies bodies;

    AuthRoutes(TokenService partnerTokens, ReviewerLogins reviewerLogins, ReviewerTokens reviewerTokens,
               LoginThrottle throttle, JsonBodies bodies) {
        this.partnerTokens = partnerTokens;
        this.throttle = throttle;
        this.reviewerLogins = reviewerLogins;
        this.reviewerTokens = reviewerTokens;
        this.bodies = bodies;
    }

    record TokenData(String token, String dtsExpireAt) {
        TokenData(String token, long expiresAtMillis) {
            this(token, Times.format(Instant.ofEpochMilli(expiresAtMillis)));
        }
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.exception(ConsoleRedirect.class, (e, ctx) -> ctx.redirect(e.location(), HttpStatus.SEE_OTHER));
        routes.post("/auth/get-token", this::partnerToken);
        routes.post("/review/auth/get-token", this::reviewerToken);
    }

    private void partnerToken(Context ctx) {
        JsonNode user = bodies.read(ctx, "auth-get-token").get("user");
        String login = user.get("login").asString();
        String address = ctx.req().getRemoteAddr();
        throttle.check(PARTNER_REALM, login, address);
        var issued = partnerTokens.issue(login, user.get("password").asString()).orElse(null);
        if (issued == null) {
            throttle.failed(PARTNER_REALM, login, address);
            log.warn("Failed partner login for {} from {}",
                    partnerTokens.exists(login) ? "'" + login + "'" : "an unknown login", address);
            throw ApiErrors.unauthorized();
        }
        throttle.succeeded(PARTNER_REALM, login);
        Responses.ok(ctx, new TokenData(issued.token(), issued.expiresAtMillis()));
    }

    /** The token goes in x-akepa-reviewer-token; failures count towards the reviewer's lock-out. */
    private void reviewerToken(Context ctx) {
        JsonNode user = bodies.read(ctx, "auth-get-token").path("user");
        String login = user.path("login").isString() ? user.get("login").asString() : null;
        String password = user.path("password").isString() ? user.get("password").asString() : null;
        Reviewer reviewer = reviewerLogins.authenticate(login, password, "api", ctx.req().getRemoteAddr()).orElseThrow(ApiErrors::unauthorized);
        ReviewerTokens.Issued issued = reviewerTokens.issue(reviewer);
        Responses.ok(ctx, new TokenData(issued.token(), issued.expiresAtMillis()));
    }
}
