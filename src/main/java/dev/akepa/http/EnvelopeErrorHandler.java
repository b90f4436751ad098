package dev.akepa.http;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;

/**
 * Jetty's own refusals (a request line or headers it cannot parse, framing it will not accept, URIs and headers
 * over its limits, a request that never arrived in time) in the same envelope as every other error, instead of
 * Jetty's HTML page. Jetty's reason is logged, not sent: it can quote the request.
 */
final class EnvelopeErrorHandler extends ErrorHandler {
    private static final Logger log = LoggerFactory.getLogger(EnvelopeErrorHandler.class);
    private final long maxJsonBytes;

    EnvelopeErrorHandler(long maxJsonBytes) {
        this.maxJsonBytes = maxJsonBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        log.info("Refused by Jetty: {} {} ({})", status, request.getAttribute(ERROR_MESSAGE), request.getMethod());
        String requestId = RequestIds.next();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put("x-request-id", requestId);
        response.write(true, ByteBuffer.wrap(body(status, requestId)), callback);
        return true;
    }

    /** Used when the request is too broken to make one (no request line, no headers): the same envelope. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        log.info("Refused by Jetty before a request existed: {} ({})", status, reason);
        String requestId = RequestIds.next();
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
        fields.put("x-request-id", requestId);
        return ByteBuffer.wrap(body(status, requestId));
    }

    private byte[] body(int status, String requestId) {
        return Responses.envelope(requestId, forStatus(status, maxJsonBytes)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The envelope for a status Jetty decided on; also used for its refusals that surface as exceptions. */
    static ApiException forStatus(int status, long maxJsonBytes) {
        return switch (status) {
            case 404 -> ApiErrors.notFound();
            case 405 -> ApiErrors.methodNotAllowed();
            case 408 -> ApiErrors.requestTimeout();
            case 413 -> ApiErrors.bodyTooLarge(maxJsonBytes);
            case 414 -> ApiErrors.uriTooLong();
            case 431 -> ApiErrors.headersTooLarge();
            case 503 -> ApiErrors.unavailable();
            case 505 -> ApiErrors.httpVersionNotSupported();
            case 400 -> ApiErrors.badRequest();
            default -> status > 400 && status < 500 ? ApiErrors.httpError(status, "HTTP error " + status) : ApiErrors.internal();
        };
    }
}
