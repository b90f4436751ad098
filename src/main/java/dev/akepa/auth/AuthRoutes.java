package dev.akepa.auth;

import dev.akepa.http.ApiErrors;
import dev.akepa.http.JsonBodies;
import dev.akepa.http.Responses;
import dev.akepa.http.RouteGroup;
import dev.akepa.http.Times;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import tools.jackson.databind.JsonNode;

import java.time.Instant;

/** POST /auth/get-token. */
public final class AuthRoutes implements RouteGroup {
    private final TokenService tokens;
    private final JsonBodies bodies;

    public AuthRoutes(TokenService tokens, JsonBodies bodies) {
        this.tokens = tokens;
        this.bodies = bodies;
    }

    record TokenData(String token, String dtsExpireAt) {}

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/auth/get-token", this::getToken);
    }

    private void getToken(Context ctx) {
        JsonNode user = bodies.read(ctx, "auth-get-token").get("user");
        var issued = tokens.issue(user.get("login").asString(), user.get("password").asString())
                .orElseThrow(ApiErrors::unauthorized);
        Responses.ok(ctx, new TokenData(issued.token(), Times.format(Instant.ofEpochMilli(issued.expiresAtMillis()))));
    }
}
