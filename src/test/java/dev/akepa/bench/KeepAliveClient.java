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

/**
 * One persistent HTTP/1.1 connection, owned by one load thread (bench/run and bench/multinode). It writes requests
 * and reads Content-Length or chunked answers itself: the load generator shares the machine's cores with the servers
 * it measures, and the JDK's HttpClient costs several times more CPU per request. Reconnects when the server closes
 * the connection.
 */
final class KeepAliveClient implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 30_000;

    private final InetSocketAddress server;
    private final byte[] fixedHeaders;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    record Answer(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /**
         * The value of the first string field of that name, or null: a search instead of a parse, as the fields the
         * load reads (ids, the application's status, the token) precede any nested field of the same name.
         */
        String field(String name) {
            String json = text();
            String key = "\"" + name + "\":\"";
            int start = json.indexOf(key);
            if (start < 0) return null;
            start += key.length();
            int end = json.indexOf('"', start);
            return end < 0 ? null : json.substring(start, end);
        }
    }

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
            close();
            // a kept-alive connection the server has meanwhile closed: once more on a new one
            if (fresh) throw closedWhileIdle;
            connect();
            try {
                write(method, path, contentType, body);
                return read();
            } catch (IOException e) {
                close();
                throw e;
            }
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
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("content-length")) length = Long.parseLong(value);
            else if (name.equalsIgnoreCase("transfer-encoding")) chunked = value.equalsIgnoreCase("chunked");
            else if (name.equalsIgnoreCase("connection")) closeAfter = value.equalsIgnoreCase("close");
        }
        byte[] body;
        if (chunked) body = chunks();
        else if (length >= 0) body = exactly((int) length);
        else body = in.readAllBytes(); // the body runs to the end of the connection
        if (closeAfter || (!chunked && length < 0)) close();
        return new Answer(status, body);
    }

    private byte[] chunks() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = chunkSize(); size > 0; size = chunkSize()) {
            body.write(exactly(size));
            line();
        }
        while (!line().isEmpty()) {
            // trailers
        }
        return body.toByteArray();
    }

    private int chunkSize() throws IOException {
        String sizeLine = line();
        int semicolon = sizeLine.indexOf(';');
        return Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
    }

    private byte[] exactly(int count) throws IOException {
        byte[] bytes = in.readNBytes(count);
        if (bytes.length < count) throw new EOFException("connection closed inside a response body");
        return bytes;
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
