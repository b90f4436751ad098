package dev.akepa.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One persistent HTTP/1.1 connection, owned by one load thread. It writes requests and reads
 * Content-Length or chunked answers itself: the load generator shares the machine's cores with the servers, so
 * it must spend as little CPU per request as it can. Reconnects when the server closes the connection.
 */
final class KeepAliveClient implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 30_000;

    private final InetSocketAddress server;
    private final byte[] fixedHeaders;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    record Answer(int status, String body) {}

    KeepAliveClient(URI baseUrl, String token) {
        this.server = new InetSocketAddress(baseUrl.getHost(), baseUrl.getPort());
        this.fixedHeaders = ("Host: " + baseUrl.getHost() + ":" + baseUrl.getPort() + "\r\n"
                + (token == null ? "" : "x-connectfi-token: " + token + "\r\n")).getBytes(StandardCharsets.US_ASCII);
    }

    Answer get(String path) throws IOException {
        return exchange("GET", path, null, null);
    }

    Answer postJson(String path, String json) throws IOException {
        return exchange("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Answer post(String path, String contentType, byte[] body) throws IOException {
        return exchange("POST", path, contentType, body);
    }

    private Answer exchange(String method, String path, String contentType, byte[] body) throws IOException {
        boolean fresh = socket == null;
        if (fresh) connect();
        try {
            write(method, path, contentType, body);
            return read();
        } catch (IOException closedWhileIdle) {
            // a kept-alive connection the server has meanwhile closed: once more on a new one
            if (fresh) throw closedWhileIdle;
            close();
            connect();
            write(method, path, contentType, body);
            return read();
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.connect(server, TIMEOUT_MILLIS);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    private void write(String method, String path, String contentType, byte[] body) throws IOException {
        out.write((method + " " + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(fixedHeaders);
        if (body != null) {
            out.write(("Content-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        out.write('\r');
        out.write('\n');
        if (body != null) out.write(body);
        out.flush();
    }

    private Answer read() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                copy(size, body);
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length > 0) {
            copy(length, body);
        }
        if (closeAfter) close();
        return new Answer(status, body.toString(StandardCharsets.UTF_8));
    }

    private void copy(long count, ByteArrayOutputStream to) throws IOException {
        byte[] buffer = new byte[8192];
        while (count > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, count));
            if (n < 0) throw new EOFException("connection closed inside a response body");
            to.write(buffer, 0, n);
            count -= n;
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) throw new EOFException("connection closed");
            if (c != '\r') line.append((char) c);
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket == null) return;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a connection we no longer need
        }
        socket = null;
    }
}
