package dev.akepa.http;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads and discards a refused request body (never keeping it) so the client, still sending, receives our
 * error instead of a connection reset. Bodies beyond the cap are not worth the bandwidth: the connection closes.
 */
final class RefusedBodies {
    private static final long DRAIN_CAP = 64L * 1024 * 1024;

    private RefusedBodies() {}

    public static void drain(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > DRAIN_CAP) return;
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = ctx.req().getInputStream()) {
            int n;
            while (total <= DRAIN_CAP && (n = in.read(buffer)) > 0) total += n;
        } catch (IOException | RuntimeException ignored) {
            // The client went away or the stream was already consumed: nothing more to do.
        }
    }
}
