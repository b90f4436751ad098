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
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers the outbox. Callbacks reach it claimed three ways: by the change's own transaction when the callback
 * heads its application's queue ({@link #leaseForNewHead}); by the record batch that finishes an application's
 * callback, for that application's next one; and by one claiming loop per process, for retries that come due,
 * work queued by other processes and claims left by a process that died (woken by changes and finished batches,
 * polling otherwise). Each is sent on its own virtual thread, at most {@code concurrency} HTTP requests at once
 * and at most {@link WebhookConfig#perPartnerConcurrency()} for one partner (80 hanging callbacks of one partner
 * delayed another's by 8.5 s when all shared one pool);
 * attempts are recorded in batches ({@link AttemptRecorder}).
 */
final class Dispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final int MAX_CLAIM = 100;
    /** A claim outlives the send timeout by this much, so only a dead process loses its claims. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);
    /** A claim is not sent unless this much of it remains after the send timeout: time to record the attempt. */
    private static final Duration RECORD_MARGIN = Duration.ofSeconds(10);
    /** Claimed callbacks not yet recorded, per permitted request: bounds the work a slow database lets pile up. */
    private static final int UNRECORDED_PER_REQUEST = 16;

    private final OutboxStore store;
    private final AttemptMaker attempts;
    private final WebhookMetrics metrics;
    private final Clock clock;
    private final WebhookConfig config;
    private final Wakeup wakeup = new Wakeup();
    private final Semaphore requests;
    /** Per partner, bounded by the number of partners. */
    private final java.util.concurrent.ConcurrentHashMap<Long, Semaphore> perPartner = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger unrecorded = new AtomicInteger();
    private final int maxUnrecorded;
    private final ExecutorService deliveries = Executors.newVirtualThreadPerTaskExecutor();
    private final AttemptRecorder recorder;
    private volatile boolean running;
    private Thread claimer;

    Dispatcher(OutboxStore store, AttemptMaker attempts, WebhookMetrics metrics, Clock clock, WebhookConfig config) {
        this.store = store;
        this.attempts = attempts;
        this.metrics = metrics;
        this.clock = clock;
        this.config = config;
        this.requests = new Semaphore(config.concurrency());
        this.maxUnrecorded = config.concurrency() * UNRECORDED_PER_REQUEST;
        this.recorder = new AttemptRecorder(store, clock, this::leaseForPromoted, this::recorded);
    }

    synchronized void start() {
        if (running) return;
        running = true;
        recorder.start();
        claimer = Thread.ofVirtual().name("webhook-claimer").start(this::claimLoop);
    }

    /** New work may be due (a change committed, a delivery finished, a replay). */
    void wake() {
        wakeup.signal();
    }

    private void claimLoop() {
        while (running) {
            try {
                int room = Math.min(maxUnrecorded - unrecorded.get(), MAX_CLAIM);
                if (room <= 0) {
                    wakeup.await(config.pollInterval().toMillis()); // a recorded batch wakes us
                    continue;
                }
                long now = clock.millis();
                List<Claimed> batch = store.claim(now, room, newLease(now));
                unrecorded.addAndGet(batch.size());
                batch.forEach(this::send);
                if (batch.size() == room) continue;
                wakeup.await(idleMillis(now, batch.isEmpty()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Claiming webhook callbacks failed; retrying in {}", config.pollInterval(), e);
                try {
                    wakeup.await(config.pollInterval().toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Until the earliest future retry, at most one poll interval (work queued by other processes). */
    private long idleMillis(long now, boolean claimedNothing) {
        long poll = config.pollInterval().toMillis();
        if (!claimedNothing) return poll;
        OptionalLong next = store.nextDueAfter(now);
        return next.isPresent() ? Math.min(poll, next.getAsLong() - now) : poll;
    }

    private Lease newLease(long now) {
        return new Lease(UUID.randomUUID().toString(), now + config.timeout().plus(LEASE_MARGIN).toMillis());
    }

    /**
     * The claim for a callback that heads its application's queue, taken in the change's own transaction; null
     * (leave it to the claim loop) when this process is not delivering or has enough claimed work already.
     */
    Lease leaseForNewHead() {
        return running && unrecorded.get() < maxUnrecorded ? newLease(clock.millis()) : null;
    }

    /** Sends a callback claimed in a change's transaction, after that transaction committed. */
    void sendClaimed(Claimed claimed) {
        unrecorded.incrementAndGet();
        try {
            send(claimed);
        } catch (RejectedExecutionException stopping) {
            giveBack(claimed);
        }
    }

    /** Heads promoted by a batch of records are claimed for this process, unless it is stopping. */
    private Lease leaseForPromoted() {
        return running ? newLease(clock.millis()) : null;
    }

    /**
     * Sends a claimed callback once a request permit is free, then queues its attempt for recording. A claim that
     * is not sent (stopping, too little lease left, a failure) is handed back at once.
     */
    private void send(Claimed claimed) {
        deliveries.execute(() -> {
            // The partner's own permit first: its hanging receiver then holds at most its share of the requests.
            Semaphore partner = perPartner.computeIfAbsent(claimed.partnerId(), id -> new Semaphore(config.perPartnerConcurrency()));
            partner.acquireUninterruptibly();
            Attempt attempt = null;
            try {
                requests.acquireUninterruptibly();
                try {
                    if (running && enoughLeaseLeft(claimed)) attempt = attempts.attempt(claimed);
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
                recorder.submit(new Finished(claimed, attempt));
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
        wakeup.signal();
    }

    /** After a batch is committed: count what it recorded, send the heads it claimed, look for more work. */
    private void recorded(AttemptRecorder.Outcome batch) {
        batch.recorded().forEach(f -> count(f.attempt().result()));
        unrecorded.addAndGet(batch.promoted().size() - batch.recorded().size() - batch.lost());
        for (Claimed head : batch.promoted()) {
            try {
                send(head);
            } catch (RejectedExecutionException stopping) {
                giveBack(head);
            }
        }
        wakeup.signal(); // room to claim, and retries or other work may be due
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
     * Stops claiming, lets deliveries in flight finish within the send timeout (then interrupts the rest), and
     * records their attempts.
     */
    @Override
    public void close() {
        synchronized (this) {
            running = false;
        }
        wakeup.signal();
        try {
            if (claimer != null) claimer.join(Duration.ofSeconds(10));
            deliveries.shutdown();
            if (!deliveries.awaitTermination(config.timeout().toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
                deliveries.shutdownNow();
                deliveries.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            deliveries.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            recorder.close();
        }
    }
}
