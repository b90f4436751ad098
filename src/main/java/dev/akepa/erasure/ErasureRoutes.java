package dev.akepa.erasure;

import dev.akepa.auth.Access;
import dev.akepa.auth.Authentication;
import dev.akepa.http.JsonBodies;
import dev.akepa.http.Responses;
import dev.akepa.http.RouteGroup;
import dev.akepa.http.Times;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import tools.jackson.databind.JsonNode;

import java.time.Instant;

import static dev.akepa.json.Json.object;

/** POST /customer/erase. */
final class ErasureRoutes implements RouteGroup {
    private final Erasures erasures;
    private final JsonBodies bodies;

    ErasureRoutes(Erasures erasures, JsonBodies bodies) {
        this.erasures = erasures;
        this.bodies = bodies;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/customer/erase", this::erase, Access.PARTNER);
    }

    private void erase(Context ctx) {
        long partnerId = Authentication.partner(ctx).id();
        JsonNode body = bodies.read(ctx, "customer-erase");
        Erasures.Status status = erasures.request(partnerId, body.get("customerId").asString());
        Responses.ok(ctx, object()
                .put("customerId", status.customerId())
                .put("erasureStatus", status.erasedNow() ? "erased" : "scheduled")
                .put("dtsEraseAfter", Times.format(Instant.ofEpochMilli(status.eraseAfterMillis()))));
    }
}
