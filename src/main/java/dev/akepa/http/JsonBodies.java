package dev.akepa.http;

import dev.akepa.json.Json;
import dev.akepa.http.schema.SchemaValidator;
import io.javalin.http.Context;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

import java.io.IOException;
import java.io.InputStream;

/** Reads a JSON request body: content type, size cap, syntax, then its JSON Schema. */
public final class JsonBodies {
    private static final String READ_AHEAD = "akepa.bodyReadAhead";
    private final SchemaValidator validator;
    private final long maxBytes;

    public JsonBodies(SchemaValidator validator, long maxBytes) {
        this.validator = validator;
        this.maxBytes = maxBytes;
    }

    public JsonNode read(Context ctx, String schemaName) {
        if (!isJson(ctx.contentType())) throw ApiErrors.unsupportedContentType("application/json");
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw ApiErrors.bodyTooLarge(maxBytes);
        }
        RefusedBodies.reading(ctx);
        byte[] readAhead = ctx.attribute(READ_AHEAD);
        JsonNode body;
        try (InputStream in = readAhead != null ? new java.io.ByteArrayInputStream(readAhead)
                : new LimitedInputStream(ctx.req().getInputStream(), maxBytes)) {
            body = Json.MAPPER.readTree(in);
        } catch (LimitedInputStream.LimitExceeded e) {
            throw ApiErrors.bodyTooLarge(maxBytes);
        } catch (JacksonException e) {
            if (e.getCause() instanceof LimitedInputStream.LimitExceeded) {
                    throw ApiErrors.bodyTooLarge(maxBytes);
            }
            if (timedOut(e)) throw ApiErrors.requestTimeout();
            throw ApiErrors.invalidJson(e.getOriginalMessage());
        } catch (IOException e) {
            throw unreadable(e);
        }
        if (body == null || body.isMissingNode()) throw ApiErrors.invalidJson("the body is empty");
        // PostgreSQL cannot store U+0000 in text (a 500 on "\u0000" in any field): refused like bad JSON.
        if (containsNul(body)) throw ApiErrors.invalidJson("strings must not contain U+0000");
        validate(schemaName, body);
        return body;
    }

    /** A second schema for a body already read, when which one applies depends on what the first led to. */
    public void validate(String schemaName, JsonNode body) {
        ArrayNode errors = validator.validate(schemaName, body);
        if (!errors.isEmpty()) throw ApiErrors.validation(errors);
    }

    /**
     * Reads the whole body before the route does (the idempotency filter fingerprints it); {@link #read} then
     * parses these bytes. Over the cap is the route's own 413.
     */
    public static byte[] readAhead(Context ctx, long maxBytes) {
        RefusedBodies.reading(ctx);
        try (InputStream in = new LimitedInputStream(ctx.req().getInputStream(), maxBytes)) {
            byte[] body = in.readAllBytes();
            ctx.attribute(READ_AHEAD, body);
            return body;
        } catch (LimitedInputStream.LimitExceeded e) {
            throw ApiErrors.bodyTooLarge(maxBytes);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static boolean containsNul(JsonNode node) {
        if (node.isString()) return node.asString().indexOf('\u0000') >= 0;
        for (var entry : node.properties()) {
            if (entry.getKey().indexOf('\u0000') >= 0 || containsNul(entry.getValue())) return true;
        }
        for (JsonNode item : node.isArray() ? node : Json.object()) {
            if (containsNul(item)) return true;
        }
        return false;
    }

    private static ApiException unreadable(IOException e) {
        return timedOut(e) ? ApiErrors.requestTimeout() : ApiErrors.invalidJson("the body could not be read");
    }

    /** The body stopped arriving (Jetty's idle timeout): the client's network, not its JSON. */
    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException) return true;
        }
        return false;
    }

    /** application/json exactly, with parameters allowed (charset): not application/jsonx nor application/json-seq. */
    static boolean isJson(String contentType) {
        if (contentType == null) return false;
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        return type.equalsIgnoreCase("application/json");
    }
}
