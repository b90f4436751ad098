package dev.akepa.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the client does around tokens and retries, against a scripted server on 127.0.0.1 (a real server cannot be
 * made to refuse a token it just issued): renewal ahead of dtsExpireAt, one retry after a 401 with a fresh token
 * and the same Idempotency-Key.
 */
class TokenRenewalTest {
    private static final String STATUS = """
            {"code":"0","data":{"applicationId":"iapp_5wdC2B35HnIm1We30x1cFI","aggregatorId":"demo","customerId":"c1",
             "status":"running","outcome":null,"entityApplications":[]},"requestId":"ba0fd3c0b84f11ed94b4966a132cde12"}""";
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    @Test
    void aRefusedTokenIsRenewedOnceAndThePostIsRetriedWithTheSameIdempotencyKey() throws IOException {
        start(Instant.parse("2030-01-01T00:00:00Z"), 1);
        AkepaClient akepa = AkepaClient.builder(url()).credentials("demo", "pw").build();

        Application application = akepa.identify(Identification.of("c1"), RequestOptions.idempotencyKey("key-1"));

        assertThat(application.status()).isEqualTo("running");
        assertThat(seen).containsExactly("token", "POST /akepa/identification t1 key-1 → 401", "token",
                "POST /akepa/identification t2 key-1 → 200");
    }

    @Test
    void withoutAKeyTheClientSendsItsOwnAndTheRetryReusesIt() throws IOException {
        start(Instant.parse("2030-01-01T00:00:00Z"), 1);
        AkepaClient akepa = AkepaClient.builder(url()).credentials("demo", "pw").build();

        akepa.identify(Identification.of("c1"));

        String first = seen.get(1).split(" ")[3];
        assertThat(first).matches("[0-9a-f-]{36}");
        assertThat(seen.get(3)).isEqualTo("POST /akepa/identification t2 " + first + " → 200");
    }

    @Test
    void aTokenIsRenewedAheadOfItsExpiryAndNotBefore() throws IOException {
        Instant expiry = Instant.parse("2030-01-01T01:00:00Z");
        start(expiry, 0);
        MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        AkepaClient akepa = AkepaClient.builder(url()).credentials("demo", "pw").clock(clock)
                .renewBefore(Duration.ofMinutes(5)).build();

        akepa.status("c1");
        clock.now = expiry.minus(Duration.ofMinutes(6));
        akepa.status("c1");
        assertThat(tokensIssued).hasValue(1);
        clock.now = expiry.minus(Duration.ofMinutes(4));
        akepa.status("c1");

        assertThat(tokensIssued).hasValue(2);
        assertThat(seen).containsExactly("token", "GET /akepa/status/c1 t1 - → 200", "GET /akepa/status/c1 t1 - → 200",
                "token", "GET /akepa/status/c1 t2 - → 200");
    }

    /** Issues t1, t2, … expiring at {@code expiry}; refuses the first {@code refusals} calls with 401. */
    private void start(Instant expiry, int refusals) throws IOException {
        AtomicInteger refused = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/auth/get-token")) {
                seen.add("token");
                reply(exchange, 200, """
                        {"code":"0","data":{"token":"t%d","dtsExpireAt":"%s"},"requestId":"ba0fd3c0b84f11ed94b4966a132cde12"}"""
                        .formatted(tokensIssued.incrementAndGet(), expiry));
                return;
            }
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            int status = refused.getAndIncrement() < refusals ? 401 : 200;
            seen.add(exchange.getRequestMethod() + " " + path + " " + exchange.getRequestHeaders().getFirst("x-connectfi-token")
                    + " " + (key == null ? "-" : key) + " → " + status);
            reply(exchange, status, status == 401
                    ? "{\"requestId\":\"ba0fd3c0b84f11ed94b4966a132cde12\",\"code\":\"unauthorized\",\"message\":\"Authentication error\"}"
                    : STATUS);
        });
        server.start();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
