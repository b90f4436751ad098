package dev.akepa.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection to a loopback server, used by one client thread. Deliberately tiny: on two
 * shared cores, the load generator's own CPU is taken from the server, and the JDK's HttpClient costs several
 * times more per request than writing the bytes ourselves.
 */
final class LoopbackHttp implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 30_000;

    private final InetSocketAddress address;
    private final String hostHeader;
    private final String token;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    record Response(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    LoopbackHttp(int port, String token) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        this.address = new InetSocketAddress(loopback, port);
        this.hostHeader = "127.0.0.1:" + port;
        this.token = token;
    }

    Response get(String path) throws IOException {
        return send("GET", path, null, null);
    }

    Response postJson(String path, String json) throws IOException {
        return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** multipart/form-data with one file part named "file", as an integrator's upload sends it. */
    Response upload(String path, byte[] content, String filename) throws IOException {
        String boundary = "akepa-bench-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send("POST", path, "multipart/form-data; boundary=" + boundary, body);
    }

    Response send(String method, String path, String contentType, byte[] body) throws IOException {
        connectIfNeeded();
        StringBuilder head = new StringBuilder(256)
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(hostHeader).append("\r\n");
        if (token != null) head.append("x-connectfi-token: ").append(token).append("\r\n");
        if (body != null) {
            head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try {
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            if (body != null) out.write(body);
            out.flush();
            return readResponse();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connectIfNeeded() throws IOException {
        if (socket != null) return;
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.connect(address, TIMEOUT_MILLIS);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    private Response readResponse() throws IOException {
        String statusLine = readLine();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("content-length")) length = Long.parseLong(value);
            else if (name.equalsIgnoreCase("transfer-encoding")) chunked = value.equalsIgnoreCase("chunked");
            else if (name.equalsIgnoreCase("connection")) close = value.equalsIgnoreCase("close");
        }
        byte[] body;
        if (chunked) body = readChunked();
        else if (length >= 0) body = in.readNBytes((int) length);
        else body = in.readAllBytes();
        if (close || (!chunked && length < 0)) close();
        return new Response(status, body);
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt(semicolon < 0 ? sizeLine.trim() : sizeLine.substring(0, semicolon).trim(), 16);
            if (size == 0) {
                while (!readLine().isEmpty()) { } // trailers
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine();
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) throw new EOFException("connection closed by the server");
            if (b == '\n') break;
            if (b != '\r') line.append((char) b);
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket == null) return;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a loopback socket that already failed
        }
        socket = null;
    }
}
