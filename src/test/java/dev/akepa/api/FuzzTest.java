package dev.akepa.api;

import dev.akepa.json.Json;
import dev.akepa.testsupport.RawHttp;
import dev.akepa.testsupport.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input over every endpoint, bounded (a fixed seed, {@link #ROUNDS} rounds of every case: about 4,000
 * requests on loopback, well under a minute): no 5xx, every answer the JSON envelope, and neither the metric
 * series nor the heap after a full GC grows with it.
 */
class FuzzTest {
    private static final int ROUNDS = 40;
    private static final long HEAP_SLACK = 24L * 1024 * 1024;

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private static final List<String> POSTS = List.of("/auth/get-token", "/customer/init", "/akepa/identification",
            "/akepa/update", "/akepa/sandbox/review", "/akepa/document/generate", "/review/auth/get-token",
            "/review/decisions", "/akepa/webhook/secret", "/webhooks/deliveries/x/replay");
    private static final List<String> GETS = List.of("/customer/status/x", "/akepa/status/x", "/akepa/history/x",
            "/schemas/customer-init", "/health/ready", "/webhooks/deliveries", "/review/applications/x");

    /** Path suffixes; "a" stands for a run of up to 300 of them. */
    private static final List<String> PIECES = List.of("%", "%zz", "%u002e", "..", ";", "%2e%2e", "\u00e9", "~", "a", "%ff");

    private final Random random = new Random(20261201);

    private String token() {
        return running.api().token();
    }

    @Test
    void hostileInputGetsEnvelopesAndDoesNotGrowTheHeap() {
        for (int i = 0; i < 2; i++) oneRound();
        long heap = heapAfterGc();
        for (int i = 0; i < ROUNDS; i++) oneRound();
        assertThat(heapAfterGc() - heap).as("heap growth after a full GC").isLessThan(HEAP_SLACK);
    }

    @Test
    void hostileInputAddsNoMetricSeries() {
        // Every kind of answer seen once, so its series exists: the rounds pick paths at random, so the warm-up
        // sends each suffix to each path, with a known and an unknown method, and scrapes once.
        for (int i = 0; i < 2; i++) oneRound();
        for (String piece : PIECES) {
            for (String path : GETS) {
                check(request("GET", path + piece + "0", null, null));
                check(request("QWERTY", path + piece + "0", null, null));
            }
            check(request("GET", "/" + piece + "0", null, null));
            check(request("QWERTY", "/" + piece + "0", null, null));
        }
        metricSeries();
        Set<String> series = metricSeries();
        for (int i = 0; i < ROUNDS / 4; i++) oneRound();
        Set<String> after = metricSeries();
        after.removeAll(series);
        assertThat(after).as("metric series new after %d rounds", ROUNDS / 4).isEmpty();
    }

    private void oneRound() {
        for (String path : POSTS) {
            for (String body : bodies()) check(post(path, "application/json", body.getBytes(StandardCharsets.UTF_8)));
            check(post(path, "multipart/form-data; boundary=zz", "--zz\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc".getBytes(StandardCharsets.ISO_8859_1)));
            check(post(path, "text/plain", "hello".getBytes(StandardCharsets.UTF_8)));
        }
        check(post("/akepa/document/upload/doc_x", "multipart/form-data; boundary=zz",
                ("--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n\r\n" + "\u00ff".repeat(random.nextInt(2000))).getBytes(StandardCharsets.ISO_8859_1)));
        check(post("/akepa/document/upload/doc_x", "multipart/form-data", new byte[]{1, 2, 3}));
        for (String path : GETS) check(request("GET", path + randomSuffix(), null, null));
        check(request(randomMethod(), "/" + randomSuffix(), null, null));
        check(request(randomMethod(), GETS.get(random.nextInt(GETS.size())), null, null));
    }

    private List<String> bodies() {
        String junk = randomText(random.nextInt(64));
        return List.of(
                "{", "[]", "null", "\"text\"", "{\"customerId\":" + random.nextInt() + "}",
                "{\"customerId\":\"a\",\"customerId\":\"b\"}",
                "{\"customerId\":\"" + "x".repeat(100_000) + "\"}",
                "[".repeat(5_000) + "]".repeat(5_000),
                "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000),
                "{\"customerId\":\"\\u0000\\u0007" + junk.replace("\\", "").replace("\"", "") + "\"}",
                "{\"user\":{\"login\":[],\"password\":{}}}",
                "{\"documents\":[{\"entityId\":1,\"documentId\":null,\"view\":\"side\"}],\"customerId\":\"x\"}",
                "{\"customerType\":\"business\",\"customer\":{\"businessRepresentatives\":[" + "{},".repeat(500) + "{}]}}",
                junk);
    }

    private String randomSuffix() {
        String piece = PIECES.get(random.nextInt(PIECES.size()));
        return (piece.equals("a") ? "a".repeat(random.nextInt(300)) : piece) + random.nextInt(1000);
    }

    private String randomMethod() {
        StringBuilder m = new StringBuilder();
        int length = 1 + random.nextInt(10);
        for (int i = 0; i < length; i++) m.append((char) ('A' + random.nextInt(26)));
        return m.toString();
    }

    private String randomText(int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) s.append((char) random.nextInt(0x80));
        return s.toString();
    }

    private RawHttp.Response post(String path, String type, byte[] body) {
        return request("POST", path, type, body);
    }

    private RawHttp.Response request(String method, String path, String type, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(encodeUnsafe(path)).append(" HTTP/1.1\r\nHost: a\r\n")
                .append("x-connectfi-token: ").append(token()).append("\r\nConnection: close\r\n");
        if (type != null) head.append("Content-Type: ").append(type).append("\r\n");
        head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + (body == null ? 0 : body.length)];
        System.arraycopy(h, 0, all, 0, h.length);
        if (body != null) System.arraycopy(body, 0, all, h.length, body.length);
        return RawHttp.send(running.server().app().port(), all);
    }

    /** Spaces and controls would end the request line; anything else goes through as it is. */
    private static String encodeUnsafe(String path) {
        return path.replace(" ", "%20");
    }

    private static void check(RawHttp.Response r) {
        assertThat(r.status()).as(r.body()).isLessThan(500);
        assertThat(r.header("content-type")).as(r.body()).startsWith("application/json");
        JsonNode json = Json.MAPPER.readTree(r.body());
        assertThat(json.has("code")).as(r.body()).isTrue();
        assertThat(json.path("requestId").asString()).as(r.body()).matches("[0-9a-f]{32}");
    }

    /**
     * Every series of the scrape: its name and labels, without its value. The JVM's GC series are left out: their
     * labels (collector, action, cause) are the JVM's own closed set, and a young collection in the test JVM may
     * first happen during the measured rounds (seen: "G1 Evacuation Pause", "G1 Concurrent GC"); no request can add to them.
     */
    private Set<String> metricSeries() {
        return running.server().client().get("/metrics").raw().lines().filter(l -> !l.startsWith("#"))
                .filter(l -> !l.startsWith("jvm_gc_"))
                .map(l -> l.substring(0, l.lastIndexOf(' '))).collect(Collectors.toCollection(TreeSet::new));
    }

    private static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
