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

import java.time.Instant;

/** POST /auth/get-token (partners) and POST /review/auth/get-token (reviewers): same body, same answer. */
final class AuthRoutes implements RouteGroup {
    private final TokenService partnerTokens;
    private final ReviewerLogins reviewerLogins;
    private final ReviewerTokens reviewerTokens;
    private final JsonBodies bodies;

    AuthRoutes(TokenService partnerTokens, ReviewerLogins reviewerLogins, ReviewerTokens reviewerTokens, JsonBodies bodies) {
        this.partnerTokens = partnerTokens;
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
        var issued = partnerTokens.issue(user.get("login").asString(), user.get("password").asString())
                .orElseThrow(ApiErrors::unauthorized);
        Responses.ok(ctx, new TokenData(issued.token(), issued.expiresAtMillis()));
    }

    /** The token goes in x-akepa-reviewer-token; failures count towards the reviewer's lock-out. */
    private void reviewerToken(Context ctx) {
        JsonNode user = bodies.read(ctx, "auth-get-token").path("user");
        String login = user.path("login").isString() ? user.get("login").asString() : null;
        String password = user.path("password").isString() ? user.get("password").asString() : null;
        Reviewer reviewer = reviewerLogins.authenticate(login, password, "api").orElseThrow(ApiErrors::unauthorized);
        ReviewerTokens.Issued issued = reviewerTokens.issue(reviewer);
        Responses.ok(ctx, new TokenData(issued.token(), issued.expiresAtMillis()));
    }
}
