package dev.akepa.bench;

import dev.akepa.http.Json;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for bench/multinode: complete individual journeys of the page's 8 requests (init,
 * identification, generate, upload, generate, upload, update, status), each upload a 50 KB JPEG. Each client
 * thread sends its requests to the nodes in turn, as a round-robin load balancer would. Counts the journeys that
 * finished within the measured window (after a warm-up) and prints one line of key=value figures.
 * <pre>java -cp … dev.akepa.bench.JourneyLoad --nodes http://127.0.0.1:8081,http://127.0.0.1:8082
 *      [--clients 16] [--warmup 5] [--seconds 15] [--journeys N] [--image-bytes 51200]</pre>
 * {@code --journeys} ends the run early once that many journeys are done (to warm fresh nodes up by work done
 * rather than by time: a cold node is slow, so a fixed time warms it less).
 */
public final class JourneyLoad {
    private static final int REQUESTS_PER_JOURNEY = 8;

    private final List<URI> nodes;
    private final int clients;
    private final long warmupNanos;
    private final long measureNanos;
    private final long journeyLimit;
    private final byte[] multipartImage;
    private final String boundary = "akepa-bench-boundary";
    private final AtomicLong sequence = new AtomicLong(new Random().nextInt(100_000_000));
    private final JourneyTimes times = new JourneyTimes();
    private final AtomicLong failures = new AtomicLong();
    /** Journeys of the warm-up and the measured window, to divide CPU time by. */
    private final AtomicLong allJourneys = new AtomicLong();
    private final List<String> firstFailures = new ArrayList<>();
    private volatile long measureStart;
    private volatile long measureEnd;

    private JourneyLoad(List<URI> nodes, int clients, int warmupSeconds, int seconds, long journeyLimit, int imageBytes) {
        this.journeyLimit = journeyLimit <= 0 ? Long.MAX_VALUE : journeyLimit;
        this.nodes = nodes;
        this.clients = clients;
        this.warmupNanos = warmupSeconds * 1_000_000_000L;
        this.measureNanos = seconds * 1_000_000_000L;
        this.multipartImage = multipart(jpeg(imageBytes));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        List<URI> nodes = Arrays.stream(options.getOrDefault("nodes", "http://127.0.0.1:8080").split(","))
                .map(URI::create).toList();
        JourneyLoad load = new JourneyLoad(nodes,
                Integer.parseInt(options.getOrDefault("clients", "16")),
                Integer.parseInt(options.getOrDefault("warmup", "5")),
                Integer.parseInt(options.getOrDefault("seconds", "15")),
                Long.parseLong(options.getOrDefault("journeys", "0")),
                Integer.parseInt(options.getOrDefault("image-bytes", "51200")));
        String token = login(nodes.get(0), options.getOrDefault("login", "demo"),
                options.getOrDefault("password", "demo-password"));
        System.out.println(load.run(token));
        System.exit(load.failures.get() == 0 ? 0 : 1);
    }

    private String run(String token) throws InterruptedException {
        long start = System.nanoTime();
        measureStart = start + warmupNanos;
        measureEnd = measureStart + measureNanos;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofPlatform().name("load-" + c).start(() -> drive(client, token)));
        }
        for (Thread t : threads) t.join();
        double seconds = measureNanos / 1e9;
        long cpuMillis = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(0L);
        return String.format(Locale.ROOT,
                "nodes=%d clients=%d seconds=%.0f journeys=%d journeys_per_s=%.1f requests_per_s=%.0f "
                        + "journey_p50_ms=%.1f journey_p99_ms=%.1f failures=%d total_journeys=%d "
                        + "loadgen_cpu_ms_per_journey=%.2f%s",
                nodes.size(), clients, seconds, times.count(), times.count() / seconds,
                times.count() * REQUESTS_PER_JOURNEY / seconds, times.percentileMillis(50), times.percentileMillis(99),
                failures.get(), allJourneys.get(), cpuMillis / (double) Math.max(1, allJourneys.get()),
                firstFailures.isEmpty() ? "" : " first_failure=" + firstFailures.getFirst());
    }

    /** One client: journeys back to back until the window closes; the journeys that end inside it count. */
    private void drive(int client, String token) {
        List<KeepAliveClient> connections = nodes.stream().map(n -> new KeepAliveClient(n, token)).toList();
        int turn = client;
        try {
            while (System.nanoTime() < measureEnd && allJourneys.get() < journeyLimit) {
                long began = System.nanoTime();
                try {
                    turn = journey(connections, turn);
                    long ended = System.nanoTime();
                    allJourneys.incrementAndGet();
                    if (ended >= measureStart && ended <= measureEnd) times.add(ended - began);
                } catch (IOException | RuntimeException e) {
                    failures.incrementAndGet();
                    synchronized (firstFailures) {
                        if (firstFailures.isEmpty()) firstFailures.add(e.toString().replace(' ', '_'));
                    }
                    connections.forEach(KeepAliveClient::close);
                }
            }
        } finally {
            connections.forEach(KeepAliveClient::close);
        }
    }

    /** The eight requests, each to the next node; returns the turn for the next journey. */
    private int journey(List<KeepAliveClient> c, int turn) throws IOException {
        long n = sequence.incrementAndGet();
        String customerId = data(c.get(turn++ % c.size()).postJson("/customer/init", individual(n))).get("customerId").asString();
        expect(c.get(turn++ % c.size()).postJson("/akepa/identification", "{\"customerId\":\"" + customerId + "\"}"),
                "pending_step_up");
        String front = uploaded(c, turn, "front");
        turn += 2;
        String back = uploaded(c, turn, "back");
        turn += 2;
        expect(c.get(turn++ % c.size()).postJson("/akepa/update", """
                {"customerId":"%1$s","documents":[{"entityId":"%1$s","documentId":"%2$s","view":"front"},\
                {"entityId":"%1$s","documentId":"%3$s","view":"back"}]}""".formatted(customerId, front, back)), "completed");
        expect(c.get(turn++ % c.size()).get("/akepa/status/" + customerId), "completed");
        return turn;
    }

    private String uploaded(List<KeepAliveClient> c, int turn, String view) throws IOException {
        String id = data(c.get(turn % c.size()).postJson("/akepa/document/generate",
                "{\"workflow\":\"PERSONAL\",\"name\":\"" + view + "\",\"extension\":\"jpg\",\"type\":\"license\"}"))
                .get("id").asString();
        data(c.get((turn + 1) % c.size()).post("/akepa/document/upload/" + id,
                "multipart/form-data; boundary=" + boundary, multipartImage));
        return id;
    }

    private static JsonNode data(KeepAliveClient.Answer answer) {
        if (answer.status() != 200) throw new IllegalStateException("HTTP " + answer.status() + ": " + answer.body());
        return Json.MAPPER.readTree(answer.body()).get("data");
    }

    private static void expect(KeepAliveClient.Answer answer, String status) {
        String actual = data(answer).get("status").asString();
        if (!status.equals(actual)) throw new IllegalStateException("status " + actual + ", expected " + status);
    }

    /** A unique reference and SSN per journey: both are unique per partner. */
    private static String individual(long n) {
        return """
                {"customerReference":"bench%d","customerType":"individual","customer":{
                  "firstName":"Jane","lastName":"Smith","gender":"F","email":"jane@example.com",
                  "phones":[{"type":"MOBILE","countryDialingCode":"1","phoneNumber":"5551234567"}],
                  "dateOfBirth":"1990-04-12","citizenshipCountryCodeA3":"USA",
                  "addresses":[{"type":"PRIMARY","addressLine1":"1 Main St","city":"New York","stateCode":"NY",
                    "postalCode":"10001","countryCodeA3":"USA"}],
                  "identificationDocuments":[{"type":"SSN","value":"%09d","issuanceCountryCodeA3":"USA"}]}}"""
                .formatted(n, n % 1_000_000_000L);
    }

    private byte[] multipart(byte[] file) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(file.length + 256);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"id.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    private static byte[] jpeg(int size) {
        byte[] image = new byte[size];
        new Random(size).nextBytes(image);
        image[0] = (byte) 0xFF;
        image[1] = (byte) 0xD8;
        image[2] = (byte) 0xFF;
        image[3] = (byte) 0xE0;
        return image;
    }

    private static String login(URI node, String login, String password) throws IOException {
        try (KeepAliveClient client = new KeepAliveClient(node, null)) {
            return data(client.postJson("/auth/get-token",
                    "{\"user\":{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}}")).get("token").asString();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("expected --name value, got " + args[i]);
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
