package dev.akepa.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** Stores applications through the API (init + identification), the way they exist in a real deployment. */
final class Seeder {
    private static final long SSN_BASE = 100_000_000;

    static void seed(int port, String token, int count, int clients, Path idsFile) throws Exception {
        AtomicInteger remaining = new AtomicInteger(count);
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try (LoopbackHttp http = new LoopbackHttp(port, token)) {
                    Journey journey = new Journey(http, SSN_BASE);
                    Journey.Timings unused = new Journey.Timings();
                    while (remaining.getAndDecrement() > 0 && failures.size() < 10) {
                        try {
                            ids.add(journey.identifiedCustomer(unused));
                        } catch (IOException | Journey.Failed e) {
                            failures.add(e.getMessage());
                        }
                    }
                }
            }));
        }
        for (Thread t : threads) t.join();
        if (!failures.isEmpty()) throw new IllegalStateException("seeding failed: " + failures.peek());
        Files.write(idsFile, ids);
        System.err.printf("seeded %d applications in %.1f s%n", ids.size(), (System.nanoTime() - start) / 1e9);
    }
}
