package dev.akepa.bench;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whole individual journeys ({@link Journey}) run back to back by N clients for a fixed time, each client sending
 * its requests to the nodes in turn. Journeys that finish inside the measured window count (steady state, no edge
 * bias); the warm-up before it only heats the servers. bench/run starts it through {@link BenchTool} (one JSON line),
 * bench/multinode through {@link #main} (one line of key=value figures):
 * <pre>java -cp … dev.akepa.bench.JourneyLoad --nodes http://127.0.0.1:8081,http://127.0.0.1:8082
 *      [--clients 16] [--warmup 5] [--seconds 15] [--journeys N] [--image-bytes 51200]</pre>
 * {@code --journeys} ends the run early once that many journeys are done (to warm fresh nodes up by work done
 * rather than by time: a cold node is slow, so a fixed time warms it less).
 */
public final class JourneyLoad {
    static final int IMAGE_BYTES = 50 * 1024;
    private static final int ERRORS_KEPT = 5;

    private final List<URI> nodes;
    private final String token;
    private final int clients;
    private final Thread.Builder threads;
    private final double warmupSeconds;
    private final double seconds;
    private final long journeyLimit;
    private final AtomicLong customerNumbers;
    private final byte[] multipartImage;

    private final Latencies journeyTimes = new Latencies();
    private final Journey.StepTimes stepTimes = new Journey.StepTimes();
    /** Failed journeys that ended inside the measured window, and all of them. */
    private final AtomicLong measuredFailures = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    /** Journeys of the warm-up and the measured window, to divide CPU time by. */
    private final AtomicLong allJourneys = new AtomicLong();
    private final ConcurrentLinkedQueue<Exception> firstFailures = new ConcurrentLinkedQueue<>();

    /**
     * @param firstCustomer customers are numbered from here on: a run that shares its database with an earlier one
     *                      must start where that one's numbers do not reach
     */
    JourneyLoad(List<URI> nodes, String token, int clients, Thread.Builder threads, double warmupSeconds,
                double seconds, long journeyLimit, long firstCustomer, int imageBytes) {
        this.nodes = nodes;
        this.token = token;
        this.clients = clients;
        this.threads = threads;
        this.warmupSeconds = warmupSeconds;
        this.seconds = seconds;
        this.journeyLimit = journeyLimit <= 0 ? Long.MAX_VALUE : journeyLimit;
        this.customerNumbers = new AtomicLong(firstCustomer);
        this.multipartImage = Journey.multipartImage(imageBytes);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        List<URI> nodes = Arrays.stream(options.getOrDefault("nodes", "http://127.0.0.1:8080").split(","))
                .map(URI::create).toList();
        String token = login(nodes.getFirst(), options.getOrDefault("login", "demo"),
                options.getOrDefault("password", "demo-password"));
        // the warm-up run and the measured one share a database: each starts at a random customer number
        JourneyLoad load = new JourneyLoad(nodes, token, Integer.parseInt(options.getOrDefault("clients", "16")),
                Thread.ofPlatform().name("load-", 0),
                Integer.parseInt(options.getOrDefault("warmup", "5")),
                Integer.parseInt(options.getOrDefault("seconds", "15")),
                Long.parseLong(options.getOrDefault("journeys", "0")),
                new Random().nextInt(100_000_000),
                Integer.parseInt(options.getOrDefault("image-bytes", String.valueOf(IMAGE_BYTES))));
        load.run();
        System.out.println(load.keyValueLine());
        System.exit(load.failures.get() == 0 ? 0 : 1);
    }

    void run() throws InterruptedException {
        long measureFrom = System.nanoTime() + (long) (warmupSeconds * 1e9);
        long measureTo = measureFrom + (long) (seconds * 1e9);
        List<Latencies> clientJourneyTimes = new ArrayList<>();
        List<Journey.StepTimes> clientStepTimes = new ArrayList<>();
        List<Thread> started = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Latencies journeys = new Latencies();
            Journey.StepTimes steps = new Journey.StepTimes();
            clientJourneyTimes.add(journeys);
            clientStepTimes.add(steps);
            int client = c;
            started.add(threads.start(() -> drive(client, measureFrom, measureTo, journeys, steps)));
        }
        for (Thread t : started) t.join();
        clientJourneyTimes.forEach(journeyTimes::addAll);
        clientStepTimes.forEach(stepTimes::addAll);
    }

    /** One client: journeys back to back until the window closes; the journeys that end inside it count. */
    private void drive(int client, long measureFrom, long measureTo, Latencies journeys, Journey.StepTimes steps) {
        List<KeepAliveClient> connections = nodes.stream().map(n -> new KeepAliveClient(n, token)).toList();
        Journey journey = new Journey(connections, customerNumbers, multipartImage, client);
        try {
            while (System.nanoTime() < measureTo && allJourneys.get() < journeyLimit) {
                long start = System.nanoTime();
                Exception failure = null;
                try {
                    journey.run();
                    allJourneys.incrementAndGet();
                } catch (IOException | Journey.Failed | RuntimeException e) {
                    failure = e;
                    failures.incrementAndGet();
                    if (firstFailures.size() < ERRORS_KEPT) firstFailures.add(e);
                    connections.forEach(KeepAliveClient::close); // the next journey starts on fresh connections
                }
                long end = System.nanoTime();
                if (end < measureFrom || end > measureTo) continue;
                if (failure != null) {
                    measuredFailures.incrementAndGet();
                } else {
                    journeys.add(end - start);
                    steps.add(journey);
                }
            }
        } finally {
            connections.forEach(KeepAliveClient::close);
        }
    }

    /** bench/run's result: the measured window's journeys, their failures and per-step latencies. */
    Map<String, Object> summary() {
        firstFailures.forEach(e -> System.err.println("journey error: " + e.getMessage()));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("requests", journeyTimes.count());
        result.put("durationS", seconds);
        result.put("throughput", journeyTimes.count() / seconds);
        result.put("errors", measuredFailures.get());
        result.put("p50Ms", journeyTimes.percentileMillis(50));
        result.put("p99Ms", journeyTimes.percentileMillis(99));
        result.put("clients", clients);
        Map<String, Object> perStep = new LinkedHashMap<>();
        for (int i = 0; i < Journey.STEPS.length; i++) {
            perStep.put(Journey.STEPS[i], Map.of("p50Ms", stepTimes.steps[i].percentileMillis(50),
                    "p99Ms", stepTimes.steps[i].percentileMillis(99)));
        }
        result.put("steps", perStep);
        return result;
    }

    /** bench/multinode's result line; it reads total_journeys, among others. */
    String keyValueLine() {
        long cpuMillis = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(0L);
        Exception first = firstFailures.peek();
        return String.format(Locale.ROOT,
                "nodes=%d clients=%d seconds=%.0f journeys=%d journeys_per_s=%.1f requests_per_s=%.0f "
                        + "journey_p50_ms=%.1f journey_p99_ms=%.1f failures=%d total_journeys=%d "
                        + "loadgen_cpu_ms_per_journey=%.2f%s",
                nodes.size(), clients, seconds, journeyTimes.count(), journeyTimes.count() / seconds,
                journeyTimes.count() * Journey.REQUESTS / seconds, percentileOrZero(50), percentileOrZero(99),
                failures.get(), allJourneys.get(), cpuMillis / (double) Math.max(1, allJourneys.get()),
                first == null ? "" : " first_failure=" + first.toString().replace(' ', '_'));
    }

    private double percentileOrZero(double percent) {
        return journeyTimes.count() == 0 ? 0 : journeyTimes.percentileMillis(percent);
    }

    private static String login(URI node, String login, String password) throws IOException, Journey.Failed {
        try (KeepAliveClient client = new KeepAliveClient(node, null)) {
            KeepAliveClient.Answer answer = client.postJson("/auth/get-token",
                    "{\"user\":{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}}");
            String token = answer.status() == 200 ? answer.field("token") : null;
            if (token == null) throw new Journey.Failed("login failed: HTTP " + answer.status() + ": " + answer.text());
            return token;
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
