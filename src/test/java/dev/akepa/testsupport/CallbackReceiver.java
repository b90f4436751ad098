package dev.akepa.testsupport;

import com.sun.net.httpserver.HttpServer;
import dev.akepa.json.Json;
import tools.jackson.databind.JsonNode;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhook callbacks on 127.0.0.1, first delivery of each webhook-id in arrival order. */
public final class CallbackReceiver implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, JsonNode> firstById = new LinkedHashMap<>();

    public CallbackReceiver() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            try (exchange) {
                JsonNode body = Json.MAPPER.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                synchronized (firstById) {
                    firstById.putIfAbsent(exchange.getRequestHeaders().getFirst("webhook-id"), body);
                    firstById.notifyAll();
                }
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public List<JsonNode> await(int count) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        synchronized (firstById) {
            while (firstById.size() < count) {
                long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
                assertThat(leftMillis).as("%d callbacks expected, got %s", count, firstById.values()).isPositive();
                firstById.wait(leftMillis);
            }
            return new ArrayList<>(firstById.values());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
