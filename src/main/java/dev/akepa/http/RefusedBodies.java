package dev.akepa.http;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads and discards a refused request body (never keeping it) so the client, still sending, receives our
 * error instead of a connection reset. Bodies beyond the cap are not worth the bandwidth: the connection closes.
 */
public final class RefusedBodies {
    private static final long DRAIN_CAP = 64L * 1024 * 1024;

    private static final String READING = "akepa.bodyReading";

    private RefusedBodies() {}

    /** Called before a handler reads the body: from then on the client was told to continue and is sending. */
    public static void reading(Context ctx) {
        ctx.attribute(READING, Boolean.TRUE);
    }

    /**
     * Returns false when the body was left unread, so the connection must close: above the cap, or when the client
     * waits for {@code 100 Continue} before sending it — reading would invite the very body we refuse.
     */
    public static boolean drain(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > DRAIN_CAP) return false;
        String expect = ctx.req().getHeader("Expect");
        if (expect != null && expect.equalsIgnoreCase("100-continue") && declared != 0
                && ctx.attribute(READING) == null) {
            return false;
        }
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = ctx.req().getInputStream()) {
            int n;
            while (total <= DRAIN_CAP && (n = in.read(buffer)) > 0) total += n;
        } catch (IOException | RuntimeException ignored) {
            // The client went away or the stream was already consumed: nothing more to do.
        }
        return true;
    }
}
