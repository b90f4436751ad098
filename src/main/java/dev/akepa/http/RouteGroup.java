package dev.akepa.http;

import io.javalin.router.JavalinDefaultRoutingApi;

/** A feature's routes; {@link HttpServer} registers every group in one place. */
public interface RouteGroup {
    void register(JavalinDefaultRoutingApi routes);
}
