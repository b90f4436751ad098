package dev.akepa.review;

import io.javalin.http.Context;

/**
 * Set-Cookie values for the console: HttpOnly and SameSite=Strict always, Secure when the request came over TLS
 * (directly, or through a proxy that says so in X-Forwarded-Proto).
 */
final class Cookies {
    private Cookies() {}

    /** {@code maxAgeSeconds < 0}: a browser-session cookie (the server enforces the session's own expiry). */
    static String set(Context ctx, String name, String value, String path, int maxAgeSeconds) {
        return name + "=" + value + "; Path=" + path + (maxAgeSeconds >= 0 ? "; Max-Age=" + maxAgeSeconds : "")
                + "; HttpOnly; SameSite=Strict" + (overTls(ctx) ? "; Secure" : "");
    }

    static String clear(Context ctx, String name, String path) {
        return set(ctx, name, "", path, 0);
    }

    static boolean overTls(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }
}
