package dev.akepa.http;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Locale;

/**
 * One line per request on the {@code akepa.access} logger: method, route template, status, duration, bytes sent,
 * requestId and the calling partner's login, as key-value pairs (fields of their own in JSON logs). Never the
 * path, query, headers or bodies: they carry tokens and ids, and the bodies personal data.
 */
public final class AccessLog {
    private static final Logger log = LoggerFactory.getLogger("akepa.access");
    private static final String CALLER = "akepa.caller";

    AccessLog() {}

    /** Names the authenticated caller of this request in its access log line. */
    public static void caller(Context ctx, String login) {
        ctx.attribute(CALLER, login);
    }

    void record(Context ctx, RequestLabels labels, Duration duration) {
        if (!log.isInfoEnabled()) return;
        String caller = ctx.attribute(CALLER);
        if (caller == null) caller = "-";
        String requestId = Responses.requestId(ctx);
        long bytes = bytesSent(ctx);
        String millis = String.format(Locale.ROOT, "%.1f", duration.toNanos() / 1e6);
        log.atInfo()
                .addKeyValue("method", labels.method())
                .addKeyValue("route", labels.route())
                .addKeyValue("status", labels.status())
                .addKeyValue("durationMs", millis)
                .addKeyValue("bytes", bytes)
                .addKeyValue("requestId", requestId)
                .addKeyValue("partner", caller)
                .log("{} {} {} {}ms {}B requestId={} partner={}", labels.method(), labels.route(), labels.status(),
                        millis, bytes, requestId, caller);
    }

    /** The body bytes the application wrote, buffered ones included (a small envelope is still in the buffer). */
    private static long bytesSent(Context ctx) {
        ServletContextResponse response = ServletContextResponse.getServletContextResponse(ctx.res());
        return response == null ? -1 : response.getHttpOutput().getWritten();
    }
}
