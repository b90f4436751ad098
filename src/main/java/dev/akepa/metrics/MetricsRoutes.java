package dev.akepa.metrics;

import dev.akepa.http.ApiErrors;
import dev.akepa.http.RouteGroup;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * GET /metrics in Prometheus' text format. With AKEPA_METRICS_TOKEN set, only a scrape sending
 * {@code Authorization: Bearer <token>} gets it; anything else gets the 401 envelope.
 */
public final class MetricsRoutes implements RouteGroup {
    private final PrometheusMeterRegistry registry;
    private final byte[] tokenDigest;

    /** {@code token} null or blank: /metrics is open (the monitoring network is trusted). */
    public MetricsRoutes(PrometheusMeterRegistry registry, String token) {
        this.registry = registry;
        this.tokenDigest = token == null || token.isBlank() ? null : sha256(token);
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/metrics", ctx -> {
            if (!authorized(ctx)) {
                ctx.header("WWW-Authenticate", "Bearer");
                throw ApiErrors.unauthorized();
            }
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
        });
    }

    private boolean authorized(Context ctx) {
        if (tokenDigest == null) return true;
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        // Digests of equal length compared in constant time: neither the token's length nor a prefix leaks.
        return MessageDigest.isEqual(tokenDigest, sha256(header.substring(7).trim()));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
