package dev.akepa.webhook;

import dev.akepa.webhook.OutboxStore.Attempt;
import dev.akepa.webhook.OutboxStore.Claimed;
import dev.akepa.webhook.OutboxStore.Finished;
import dev.akepa.webhook.OutboxStore.Lease;
import dev.akepa.webhook.OutboxStore.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one owner of this process's claimed callbacks: it grants the leases, counts the claims not yet recorded,
 * sends claims (each on its own virtual thread, at most {@code concurrency} HTTP requests at once, and at most
 * {@link WebhookConfig#perPartnerConcurrency()} for one partner: 80 hanging callbacks of one partner delayed
 * another's by 8.5 s when all shared one pool) and records their attempts in batches. Claims reach it three ways, and only through {@link #sendClaimed}:
 * <ul>
 *   <li>the outbox, after the change's commit, for a callback that heads its application's queue (claimed in the
 *       change's own transaction: no claim query, and the lowest lag);</li>
 *   <li>the batch that recorded an application's callback, for that application's next one (claimed in the same
 *       transaction and sent at once);</li>
 *   <li>the {@link ClaimPoller}, for retries that come due, work queued by other processes and claims left by a
 *       process that died.</li>
 * </ul>
 * Recording in batches (one commit for everything that finished while the previous batch was written) is what
 * lets a process deliver thousands of callbacks a second; see BENCHMARKS.md, "Webhooks".
 */
final class ClaimedWork implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClaimedWork.class);
    /** A claim outlives the send timeout by this much, so only a dead process loses its claims. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);
    /** A claim is not sent unless this much of it remains after the send timeout: time to record the attempt. */
    private static final Duration RECORD_MARGIN = Duration.ofSeconds(10);
    /** Claimed callbacks not yet recorded, per permitted request: bounds the work a slow database lets pile up. */
    private static final int UNRECORDED_PER_REQUEST = 16;
    private static final int MAX_BATCH = 500;
    /** A few batches are written at once, so the commit latency of one does not hold up the rest. */
    private static final int WRITERS = 4;
    /** When a whole batch was deferred (its applications are being changed), wait this long before trying again. */
    private static final long DEFERRED_PAUSE_MILLIS = 2;

    private final AttemptMaker attempts;
    private final AttemptRecorder recorder;
    private final OutboxStore store;
    private final WebhookMetrics metrics;
    private final Clock clock;
    private final WebhookConfig config;
    private final Wakeup moreWork;
    private final Semaphore requests;
    /** Request permits per partner; as many entries as partners with callbacks since start. */
    private final ConcurrentHashMap<Long, Semaphore> perPartner = new ConcurrentHashMap<>();
    private final AtomicInteger unrecorded = new AtomicInteger();
    private final int maxUnrecorded;
    private final ExecutorService deliveries = Executors.newVirtualThreadPerTaskExecutor();
    private final LinkedBlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean sending;
    private volatile boolean recording = true;

    /** @param moreWork signalled whenever room to claim frees up or retries may be due (the poller waits on it) */
    ClaimedWork(AttemptMaker attempts, AttemptRecorder recorder, OutboxStore store, WebhookMetrics metrics, Clock clock,
                WebhookConfig config, Wakeup moreWork) {
        this.attempts = attempts;
        this.recorder = recorder;
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
        this.config = config;
        this.moreWork = moreWork;
        this.requests = new Semaphore(config.concurrency());
        this.maxUnrecorded = config.concurrency() * UNRECORDED_PER_REQUEST;
    }

    synchronized void start() {
        if (sending) return;
        sending = true;
        for (int i = 0; i < WRITERS; i++) {
            writers.add(Thread.ofVirtual().name("webhook-recorder-" + i).start(this::recordLoop));
        }
    }

    /** How many more claims this process may take now, at most {@code max}. */
    int room(int max) {
        return Math.min(maxUnrecorded - unrecorded.get(), max);
    }

    /** A new claim for the poller. */
    Lease newLease() {
        return new Lease(UUID.randomUUID().toString(), clock.millis() + config.timeout().plus(LEASE_MARGIN).toMillis());
    }

    /**
     * The claim for a callback that heads its application's queue, taken in the change's own transaction; null
     * (leave it to the poller) when this process is not sending or has enough claimed work already.
     */
    Lease leaseForNewHead() {
        return sending && unrecorded.get() < maxUnrecorded ? newLease() : null;
    }

    /** Takes over claims this process now owns, and sends them; one that cannot be sent is handed back at once. */
    void sendClaimed(List<Claimed> claims) {
        unrecorded.addAndGet(claims.size());
        for (Claimed claimed : claims) {
            try {
                send(claimed);
            } catch (RejectedExecutionException stopping) {
                giveBack(claimed);
            }
        }
    }

    /**
     * Sends a claimed callback once its partner's and a shared request permit are free, then queues its attempt for recording. A claim that
     * is not sent (stopping, too little lease left, a failure) is handed back at once.
     */
    private void send(Claimed claimed) {
        deliveries.execute(() -> {
            // The partner's own permit first: a partner whose receiver hangs then waits on its own share, while
            // the shared permits stay free for everyone else's callbacks.
            Semaphore partner = perPartner.computeIfAbsent(claimed.partnerId(),
                    id -> new Semaphore(config.perPartnerConcurrency()));
            partner.acquireUninterruptibly();
            Attempt attempt = null;
            try {
                requests.acquireUninterruptibly();
                try {
                    if (sending && enoughLeaseLeft(claimed)) attempt = attempts.attempt(claimed);
                } catch (Throwable e) {
                    log.error("Webhook attempt for {} failed unexpectedly", claimed.id(), e);
                } finally {
                    requests.release();
                }
            } finally {
                partner.release();
            }
            if (attempt == null) {
                giveBack(claimed);
            } else {
                finished.add(new Finished(claimed, attempt));
            }
        });
    }

    /**
     * A claim that waited too long for a permit might run out while its attempt is made or recorded, and another
     * process could then send it too; it is handed back instead.
     */
    private boolean enoughLeaseLeft(Claimed claimed) {
        long needed = config.timeout().plus(RECORD_MARGIN).toMillis();
        return claimed.lease().until() - clock.millis() >= needed;
    }

    private void giveBack(Claimed claimed) {
        try {
            store.release(List.of(claimed), clock.millis());
        } catch (RuntimeException e) {
            log.warn("Handing back the claim on {} failed; it is claimable when its lease ends", claimed.id(), e);
        }
        unrecorded.decrementAndGet();
        moreWork.signal();
    }

    private void recordLoop() {
        List<Finished> batch = new ArrayList<>();
        while (recording || !finished.isEmpty()) {
            try {
                Finished first = finished.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                finished.drainTo(batch, MAX_BATCH - 1);
                AttemptRecorder.Outcome outcome = recorder.record(batch, sending ? newLease() : null);
                finished.addAll(outcome.deferred());
                recorded(outcome);
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

    /** After a batch is committed: count what it recorded, send the heads it claimed, look for more work. */
    private void recorded(AttemptRecorder.Outcome batch) {
        batch.recorded().forEach(f -> count(f.attempt().result()));
        unrecorded.addAndGet(-batch.recorded().size() - batch.lost());
        sendClaimed(batch.promoted());
        moreWork.signal(); // room to claim, and retries or other work may be due
    }

    /** Counted once the outcome is committed, so metrics never run ahead of the database. */
    private void count(Result result) {
        switch (result) {
            case DELIVERED -> metrics.delivered();
            case RETRYING -> metrics.retried();
            case FAILED, GONE -> metrics.failed();
        }
    }

    /**
     * Stops sending, lets deliveries in flight finish within the send timeout (then interrupts the rest), and
     * records their attempts. The poller stops first, so nothing new arrives.
     */
    @Override
    public void close() {
        synchronized (this) {
            sending = false;
        }
        try {
            deliveries.shutdown();
            if (!deliveries.awaitTermination(config.timeout().toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
                deliveries.shutdownNow();
                deliveries.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            deliveries.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            stopRecording();
        }
    }

    /** Records what is queued, then stops. */
    private void stopRecording() {
        recording = false;
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            for (Thread writer : writers) writer.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
