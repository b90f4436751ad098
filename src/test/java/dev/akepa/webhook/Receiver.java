package dev.akepa.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** A scripted webhook receiver on 127.0.0.1: records every request and answers as the script says. */
final class Receiver implements AutoCloseable {
    record Request(String path, Map<String, String> headers, byte[] body, int index) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String webhookId() {
            return header("webhook-id");
        }
    }

    record Reply(int status, Map<String, String> headers, Duration delay) {
        static Reply status(int status) {
            return new Reply(status, Map.of(), Duration.ZERO);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Request> received = new ArrayList<>();
    private final Function<Request, Reply> script;

    private Receiver(Function<Request, Reply> script) throws IOException {
        this.script = script;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static Receiver start(Function<Request, Reply> script) throws IOException {
        return new Receiver(script);
    }

    static Receiver alwaysOk() throws IOException {
        return start(r -> Reply.status(200));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            Request request;
            synchronized (received) {
                request = new Request(exchange.getRequestURI().getPath(), headers, in.readAllBytes(), received.size());
                received.add(request);
                received.notifyAll();
            }
            Reply reply = script.apply(request);
            if (!reply.delay().isZero()) Thread.sleep(reply.delay());
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(reply.status(), -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<Request> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Waits (bounded) until at least {@code count} requests arrived; fails the test otherwise. */
    List<Request> awaitCount(int count) throws InterruptedException {
        return awaitCount(count, Duration.ofSeconds(30));
    }

    List<Request> awaitCount(int count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (received) {
            while (received.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("expected " + count + " callbacks, got " + received.size());
                received.wait(Math.max(1, left / 1_000_000));
            }
            return List.copyOf(received);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
