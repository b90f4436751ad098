package dev.akepa.auth;

import dev.akepa.http.ApiErrors;
import dev.akepa.http.JsonBodies;
import dev.akepa.http.Responses;
import dev.akepa.http.RouteGroup;
import dev.akepa.http.Times;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import tools.jackson.databind.JsonNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/** POST /auth/get-token. */
public final class AuthRoutes implements RouteGroup {
    private static final Logger log = LoggerFactory.getLogger(AuthRoutes.class);
    private static final String REALM = "partner";
    private final TokenService tokens;
    private final JsonBodies bodies;
    private final LoginThrottle throttle;

    public AuthRoutes(TokenService tokens, JsonBodies bodies, LoginThrottle throttle) {
        this.tokens = tokens;
        this.bodies = bodies;
        this.throttle = throttle;
    }

    record TokenData(String token, String dtsExpireAt) {}

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/auth/get-token", this::getToken);
    }

    private void getToken(Context ctx) {
        JsonNode user = bodies.read(ctx, "auth-get-token").get("user");
        String login = user.get("login").asString();
        String address = ctx.req().getRemoteAddr();
        throttle.check(REALM, login, address);
        var issued = tokens.issue(login, user.get("password").asString()).orElse(null);
        if (issued == null) {
            throttle.failed(REALM, login, address);
            log.warn("Failed partner login for {} from {}", tokens.exists(login) ? "'" + login + "'" : "an unknown login", address);
            throw ApiErrors.unauthorized();
        }
        throttle.succeeded(REALM, login);
        Responses.ok(ctx, new TokenData(issued.token(), Times.format(Instant.ofEpochMilli(issued.expiresAtMillis()))));
    }
}
