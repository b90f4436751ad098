package dev.akepa.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A webhook receiver on 127.0.0.1 that answers 204 at once and notes when each callback first arrived. It speaks
 * just enough HTTP/1.1 (keep-alive, Content-Length bodies) on a virtual thread per connection: the JDK's
 * com.sun.net.httpserver tops out near 2,000 requests/s here and would measure itself instead of the dispatcher.
 * Callbacks are numbered by the driver in their status field ("b&lt;n&gt;"), so no JSON parsing is needed.
 */
final class CountingReceiver implements AutoCloseable {
    private static final byte[] MARKER = "\"status\":\"b".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NO_CONTENT = "HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final AtomicLongArray arrivedNanos;
    private final AtomicInteger distinct = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    CountingReceiver(int capacity) throws IOException {
        arrivedNanos = new AtomicLongArray(capacity);
        server = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("receiver-accept").start(this::accept);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                Thread.ofVirtual().start(() -> serve(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection; InputStream in = new BufferedInputStream(connection.getInputStream());
             OutputStream out = connection.getOutputStream()) {
            connection.setTcpNoDelay(true);
            while (true) {
                int length = contentLength(in);
                if (length < 0) return; // the client closed the connection
                long now = System.nanoTime();
                int n = number(in.readNBytes(length));
                requests.incrementAndGet();
                if (n >= 0 && arrivedNanos.compareAndSet(n, 0, now)) distinct.incrementAndGet();
                out.write(NO_CONTENT);
                out.flush();
            }
        } catch (IOException ignored) {
            // the dispatcher closed the connection
        }
    }

    /** Reads the request line and headers; the Content-Length, or -1 at the end of the stream. */
    private static int contentLength(InputStream in) throws IOException {
        int length = 0;
        boolean first = true;
        StringBuilder line = new StringBuilder();
        while (true) {
            line.setLength(0);
            int c;
            while ((c = in.read()) != -1 && c != '\n') if (c != '\r') line.append((char) c);
            if (c == -1) return -1;
            if (line.isEmpty()) {
                if (first) continue;
                return length;
            }
            first = false;
            String header = line.toString().toLowerCase(Locale.ROOT);
            if (header.startsWith("content-length:")) length = Integer.parseInt(header.substring(15).trim());
        }
    }

    private static int number(byte[] body) {
        outer:
        for (int i = 0; i + MARKER.length < body.length; i++) {
            for (int j = 0; j < MARKER.length; j++) if (body[i + j] != MARKER[j]) continue outer;
            int n = 0;
            for (int k = i + MARKER.length; k < body.length && body[k] >= '0' && body[k] <= '9'; k++) {
                n = n * 10 + (body[k] - '0');
            }
            return n;
        }
        return -1;
    }

    long arrivedNanos(int n) {
        return arrivedNanos.get(n);
    }

    int distinct() {
        return distinct.get();
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
