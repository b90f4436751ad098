package dev.akepa.http;

import io.javalin.router.JavalinDefaultRoutingApi;

import java.util.Map;
import java.util.function.BooleanSupplier;

/** GET /health/live (the process answers) and /health/ready (database migrated and reachable). */
public final class HealthRoutes implements RouteGroup {
    private final BooleanSupplier ready;

    public HealthRoutes(BooleanSupplier ready) {
        this.ready = ready;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/health/live", ctx -> Responses.ok(ctx, Map.of("status", "live")));
        routes.get("/health/ready", ctx -> {
            if (!ready.getAsBoolean()) throw ApiErrors.unavailable();
            Responses.ok(ctx, Map.of("status", "ready"));
        });
    }
}
