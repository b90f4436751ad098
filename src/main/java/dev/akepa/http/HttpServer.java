package dev.akepa.http;

import dev.akepa.json.Json;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson3;
import io.javalin.security.Roles;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/** Javalin with Akepa's conventions: one error envelope, requestIds, metrics, virtual threads, loopback by default. */
public final class HttpServer {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    private final Javalin javalin;

    public HttpServer(HttpConfig config, List<RouteGroup> groups, Handler authentication,
                      MeterRegistry metrics, Runnable onStopping) {
        HttpMetrics httpMetrics = new HttpMetrics(metrics);
        AccessLog accessLog = new AccessLog();
        this.javalin = Javalin.create(c -> {
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            c.concurrency.useVirtualThreads = true;
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.http.prefer405over404 = true;
            c.http.maxRequestSize = config.maxJsonBytes();
            c.router.ignoreTrailingSlashes = true;
            c.jsonMapper(new JavalinJackson3(Json.MAPPER, false));
            c.jetty.multipartConfig.cacheDirectory(config.multipartTempDir().toString());
            c.jetty.multipartConfig.maxFileSize(config.maxUploadBytes(), io.javalin.config.SizeUnit.BYTES);
            c.jetty.multipartConfig.maxTotalRequestSize(config.maxUploadBytes() + 64 * 1024, io.javalin.config.SizeUnit.BYTES);
            c.jetty.multipartConfig.maxInMemoryFileSize(64 * 1024, io.javalin.config.SizeUnit.BYTES);
            c.jetty.modifyHttpConfiguration(h -> h.setSendServerVersion(false));
            EnvelopeErrorHandler jettyErrors = new EnvelopeErrorHandler(config.maxJsonBytes());
            c.jetty.modifyServer(server -> {
                server.setErrorHandler(jettyErrors);
                // Javalin puts its context inside this wrapper; on stop it lets in-flight requests finish
                // (for up to the stop timeout) once the connectors stopped accepting.
                server.setHandler(new org.eclipse.jetty.server.handler.GracefulHandler());
                // Jetty cuts every connection's idle timeout to 1 s when stopping, which killed an upload whose
                // next bytes were a second away: in-flight requests keep the whole grace.
                server.addEventListener(new org.eclipse.jetty.util.component.LifeCycle.Listener() {
                    @Override
                    public void lifeCycleStarting(org.eclipse.jetty.util.component.LifeCycle event) {
                        for (var connector : server.getConnectors()) {
                            if (connector instanceof org.eclipse.jetty.server.AbstractConnector c) {
                                c.setShutdownIdleTimeout(config.shutdownGrace().toMillis());
                            }
                        }
                    }
                });
                server.addBean(new SlowClientGuard(server, config.headerTimeout(), config.minBodyRate()));
                server.setStopTimeout(config.shutdownGrace().toMillis());
            });
            c.jetty.modifyHttpConfiguration(h -> h.setIdleTimeout(config.idleTimeout().toMillis()));
            c.jetty.modifyServletContextHandler(context -> context.setErrorHandler(jettyErrors));
            c.events.serverStopping(onStopping::run);
            // After the response is written, so the access log has the bytes sent; every request passes here.
            c.requestLogger.http((ctx, millis) -> {
                RequestLabels labels = RequestLabels.of(ctx);
                Duration duration = Duration.ofNanos((long) (millis * 1_000_000.0));
                httpMetrics.record(labels, duration);
                accessLog.record(ctx, labels, duration);
            });

            var routes = c.routes;
            routes.before(ctx -> {
                Responses.requestId(ctx);
                // The router decodes path parameters with URLDecoder, which throws on "%u002e": refuse it first.
                if (!wellEscaped(ctx.req().getRequestURI())) throw ApiErrors.badRequest();
            });
            routes.beforeMatched(authentication);
            for (RouteGroup group : groups) group.register(routes);

            routes.exception(ApiException.class, (e, ctx) -> Responses.error(ctx, e));
            routes.exception(HttpResponseException.class, (e, ctx) -> Responses.error(ctx, switch (e.getStatus()) {
                case 404 -> ApiErrors.notFound();
                case 405 -> ApiErrors.methodNotAllowed();
                case 413 -> ApiErrors.bodyTooLarge(config.maxJsonBytes());
                default -> ApiErrors.httpError(e.getStatus(), e.getMessage());
            }));
            routes.exception(Exception.class, (e, ctx) -> {
                // Jetty's refusals while a handler reads (a body below the minimum rate: 408) keep their status.
                for (Throwable t = e; t != null; t = t.getCause()) {
                    if (t instanceof org.eclipse.jetty.http.BadMessageException bad) {
                        log.info("Refused by Jetty while reading: {} {} (requestId {})", bad.getCode(), bad.getReason(),
                                Responses.requestId(ctx));
                        Responses.error(ctx, EnvelopeErrorHandler.forStatus(bad.getCode(), config.maxJsonBytes()));
                        return;
                    }
                }
                log.error("Unhandled error on {} {} (requestId {})", ctx.method(), ctx.path(), Responses.requestId(ctx), e);
                Responses.error(ctx, ApiErrors.internal());
            });
            routes.error(404, ctx -> {
                if (ctx.result() == null) Responses.error(ctx, ApiErrors.notFound());
            });
            routes.error(405, ctx -> {
                if (ctx.result() == null) Responses.error(ctx, ApiErrors.methodNotAllowed());
            });
        });
    }

    /** Every '%' starts a two-hex-digit escape. */
    static boolean wellEscaped(String rawPath) {
        if (rawPath == null) return true;
        for (int i = rawPath.indexOf('%'); i >= 0; i = rawPath.indexOf('%', i + 1)) {
            if (i + 2 >= rawPath.length() || Character.digit(rawPath.charAt(i + 1), 16) < 0
                    || Character.digit(rawPath.charAt(i + 2), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    public HttpServer start() {
        javalin.start();
        return this;
    }

    public int port() {
        return javalin.port();
    }

    /** Every route the router holds, with its roles, in registration order (docs/api.md is tested against this). */
    public List<RegisteredRoute> routes() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> {
                    Roles roles = endpoint.metadata(Roles.class);
                    List<String> access = roles == null ? List.of()
                            : roles.getRoles().stream().map(Object::toString).sorted().toList();
                    return new RegisteredRoute(endpoint.method.name(), endpoint.path, access);
                })
                .toList();
    }

    public void stop() {
        javalin.stop();
    }
}
