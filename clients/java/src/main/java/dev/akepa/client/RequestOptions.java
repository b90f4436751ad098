package dev.akepa.client;

import java.util.Objects;

/**
 * Per-call options. {@link #idempotencyKey(String)}: sent as the Idempotency-Key header, so that repeating the call
 * (after a timeout, say) cannot do the work twice on a server that honours the header. Without one, the client
 * still sends a key of its own on every POST, so that the retry it may make itself is safe.
 */
public final class RequestOptions {
    private static final RequestOptions NONE = new RequestOptions(null);
    private final String idempotencyKey;

    private RequestOptions(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public static RequestOptions none() {
        return NONE;
    }

    public static RequestOptions idempotencyKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isBlank() || key.length() > 255) throw new IllegalArgumentException("an Idempotency-Key is 1 to 255 characters");
        return new RequestOptions(key);
    }

    /** The caller's key, or null. */
    public String idempotencyKey() {
        return idempotencyKey;
    }
}
