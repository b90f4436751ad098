package dev.akepa.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Stores applications through the API (init + identification), the way they exist in a real deployment. */
final class Seeder {
    private static final long CUSTOMERS_FROM = 100_000_000;
    private static final byte[] NO_UPLOADS = new byte[0];

    static void seed(URI server, String token, int count, int clients, Path idsFile) throws Exception {
        AtomicLong customerNumbers = new AtomicLong(CUSTOMERS_FROM);
        AtomicInteger remaining = new AtomicInteger(count);
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try (KeepAliveClient http = new KeepAliveClient(server, token)) {
                    Journey journey = new Journey(List.of(http), customerNumbers, NO_UPLOADS, 0);
                    while (remaining.getAndDecrement() > 0 && failures.size() < 10) {
                        try {
                            ids.add(journey.identifiedCustomer());
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
