package dev.akepa.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N virtual-thread clients run whole journeys back to back for a fixed time. Journeys that finish inside the
 * measured window count (steady state, no edge bias); the warm-up before it only heats the server.
 */
final class JourneyLoad {
    private static final long SSN_BASE = 500_000_000;

    static Map<String, Object> run(int port, String token, int clients, double warmupSeconds, double seconds)
            throws InterruptedException {
        long measureFrom = System.nanoTime() + (long) (warmupSeconds * 1e9);
        long measureTo = measureFrom + (long) (seconds * 1e9);
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
        List<Latencies> journeyTimes = new ArrayList<>();
        List<Journey.Timings> stepTimes = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Latencies mine = new Latencies();
            Journey.Timings mySteps = new Journey.Timings();
            journeyTimes.add(mine);
            stepTimes.add(mySteps);
            threads.add(Thread.ofVirtual().start(() -> {
                try (LoopbackHttp http = new LoopbackHttp(port, token)) {
                    Journey journey = new Journey(http, SSN_BASE);
                    while (System.nanoTime() < measureTo) {
                        Journey.Timings steps = new Journey.Timings();
                        long start = System.nanoTime();
                        boolean ok = true;
                        try {
                            journey.run(steps);
                        } catch (IOException | Journey.Failed e) {
                            ok = false;
                            if (firstErrors.size() < 5) firstErrors.add(e.getMessage());
                        }
                        long end = System.nanoTime();
                        if (end < measureFrom || end > measureTo) continue;
                        if (!ok) {
                            errors.incrementAndGet();
                            continue;
                        }
                        mine.add(end - start);
                        mySteps.addAll(steps);
                    }
                }
            }));
        }
        for (Thread t : threads) t.join();
        firstErrors.forEach(e -> System.err.println("journey error: " + e));

        Latencies all = new Latencies();
        journeyTimes.forEach(all::addAll);
        Journey.Timings steps = new Journey.Timings();
        stepTimes.forEach(steps::addAll);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("requests", all.count());
        result.put("durationS", seconds);
        result.put("throughput", all.count() / seconds);
        result.put("errors", errors.get());
        result.put("p50Ms", all.percentileMillis(50));
        result.put("p99Ms", all.percentileMillis(99));
        result.put("clients", clients);
        Map<String, Object> perStep = new LinkedHashMap<>();
        for (int i = 0; i < Journey.STEPS.length; i++) {
            perStep.put(Journey.STEPS[i], Map.of("p50Ms", steps.steps[i].percentileMillis(50),
                    "p99Ms", steps.steps[i].percentileMillis(99)));
        }
        result.put("steps", perStep);
        return result;
    }
}
