package dev.akepa.webhook;

import dev.akepa.webhook.OutboxStore.Claimed;
import dev.akepa.webhook.OutboxStore.Finished;
import dev.akepa.webhook.OutboxStore.Lease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Records finished attempts in batches: everything that finished while the previous transactions ran goes into the
 * next one. One commit per batch instead of one per attempt is what lets a process deliver thousands of callbacks
 * a second; under light load a batch is a single attempt and nothing waits. A few batches are written at once, so
 * the commit latency of one does not hold up the rest. A batch never waits for an application row another
 * transaction holds: that attempt goes into a later batch instead (see {@link OutboxStore#record}).
 */
final class AttemptRecorder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AttemptRecorder.class);
    private static final int MAX_BATCH = 500;
    private static final int WRITERS = 4;
    /** When a whole batch was deferred (its applications are being changed), wait this long before trying again. */
    private static final long DEFERRED_PAUSE_MILLIS = 2;

    /** What became of a batch: the attempts recorded, how many were lost (their leases run out), new heads. */
    record Outcome(List<Finished> recorded, int lost, List<Claimed> promoted) {}

    interface Listener {
        void recorded(Outcome batch);
    }

    private final OutboxStore store;
    private final Clock clock;
    private final Supplier<Lease> promotedLease;
    private final Listener listener;
    private final LinkedBlockingQueue<Finished> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;

    /** @param promotedLease the claim for heads a batch promotes, or null to leave them to the claim loop */
    AttemptRecorder(OutboxStore store, Clock clock, Supplier<Lease> promotedLease, Listener listener) {
        this.store = store;
        this.clock = clock;
        this.promotedLease = promotedLease;
        this.listener = listener;
    }

    void start() {
        for (int i = 0; i < WRITERS; i++) writers.add(Thread.ofVirtual().name("webhook-recorder-" + i).start(this::loop));
    }

    void submit(Finished finished) {
        queue.add(finished);
    }

    private void loop() {
        List<Finished> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Finished first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                Outcome outcome = record(batch);
                listener.recorded(outcome);
                if (outcome.recorded().isEmpty() && outcome.lost() == 0) Thread.sleep(DEFERRED_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Handling recorded webhook attempts failed", e);
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * The whole batch in one transaction, deferred attempts back in the queue; if that fails, each attempt alone,
     * so one bad row loses only itself.
     */
    private Outcome record(List<Finished> batch) {
        try {
            OutboxStore.Recorded done = store.record(batch, clock.millis(), promotedLease.get());
            queue.addAll(done.deferred());
            return new Outcome(done.recorded(), 0, done.promoted());
        } catch (RuntimeException batchFailure) {
            if (batch.size() == 1) {
                log.error("Recording webhook attempt for {} failed; its lease will run out and it is sent again",
                        batch.getFirst().claimed().id(), batchFailure);
                return new Outcome(List.of(), 1, List.of());
            }
            log.warn("Recording {} webhook attempts together failed; recording them one by one", batch.size(), batchFailure);
            List<Finished> recorded = new ArrayList<>();
            List<Claimed> promoted = new ArrayList<>();
            int lost = 0;
            for (Finished f : batch) {
                Outcome one = record(List.of(f));
                recorded.addAll(one.recorded());
                promoted.addAll(one.promoted());
                lost += one.lost();
            }
            return new Outcome(recorded, lost, promoted);
        }
    }

    /** Records what is queued, then stops. */
    @Override
    public void close() {
        running = false;
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            for (Thread writer : writers) writer.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
