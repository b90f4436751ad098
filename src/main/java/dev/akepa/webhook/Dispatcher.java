package dev.akepa.webhook;

import dev.akepa.webhook.OutboxStore.Attempt;
import dev.akepa.webhook.OutboxStore.Claimed;
import dev.akepa.webhook.OutboxStore.Result;
import dev.akepa.webhook.Sender.Answer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the outbox. One claiming loop per process takes due rows (woken right after a change commits, polling
 * for work from other processes) and hands each to its own virtual thread, at most {@code concurrency} at once.
 */
final class Dispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final int MAX_BATCH = 100;
    /** A claim outlives the send timeout by this much, so only a dead process loses its claims. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private final OutboxStore store;
    private final SigningSecrets secrets;
    private final UrlGuard guard;
    private final Sender sender;
    private final RetryPolicy retries;
    private final WebhookMetrics metrics;
    private final Clock clock;
    private final WebhookConfig config;
    private final Wakeup wakeup = new Wakeup();
    private final Semaphore inFlight;
    private final ExecutorService deliveries = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running;
    private Thread claimer;

    Dispatcher(OutboxStore store, SigningSecrets secrets, UrlGuard guard, Sender sender, RetryPolicy retries,
               WebhookMetrics metrics, Clock clock, WebhookConfig config) {
        this.store = store;
        this.secrets = secrets;
        this.guard = guard;
        this.sender = sender;
        this.retries = retries;
        this.metrics = metrics;
        this.clock = clock;
        this.config = config;
        this.inFlight = new Semaphore(config.concurrency());
    }

    synchronized void start() {
        if (running) return;
        running = true;
        claimer = Thread.ofVirtual().name("webhook-claimer").start(this::claimLoop);
    }

    /** New work may be due (a change committed, a delivery finished, a replay). */
    void wake() {
        wakeup.signal();
    }

    private void claimLoop() {
        while (running) {
            try {
                int room = Math.min(inFlight.availablePermits(), MAX_BATCH);
                if (room == 0) {
                    wakeup.await(config.pollInterval().toMillis()); // a finishing delivery wakes us
                    continue;
                }
                long now = clock.millis();
                long leaseUntil = now + config.timeout().plus(LEASE_MARGIN).toMillis();
                List<Claimed> batch = store.claim(now, room, UUID.randomUUID().toString(), leaseUntil);
                for (Claimed claimed : batch) {
                    inFlight.acquireUninterruptibly();
                    deliveries.execute(() -> deliverAndRelease(claimed));
                }
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

    private void deliverAndRelease(Claimed claimed) {
        try {
            Attempt attempt = deliver(claimed);
            store.record(claimed, attempt);
            count(attempt.result());
        } catch (RuntimeException e) {
            // the lease runs out and another attempt follows; at-least-once holds
            log.error("Recording webhook attempt for {} failed", claimed.id(), e);
        } finally {
            inFlight.release();
            wakeup.signal(); // the next callback of this application may now be due
        }
    }

    private Attempt deliver(Claimed claimed) {
        long startedAt = clock.millis();
        if (claimed.series() == 1 && claimed.attempts() == 0) {
            metrics.lag(Duration.ofMillis(startedAt - claimed.changedAt()));
        }
        long startNanos = System.nanoTime();
        try {
            URI target = guard.vet(claimed.url());
            byte[] body = claimed.body().getBytes(StandardCharsets.UTF_8);
            long timestamp = TimeUnit.MILLISECONDS.toSeconds(clock.millis());
            String signature = Signatures.header(secrets.signingKeys(claimed.partnerId()), claimed.id(), timestamp, body);
            Answer answer = sender.post(target, claimed.id(), timestamp, signature, body);
            return judge(claimed, startedAt, elapsedMillis(startNanos), answer);
        } catch (UrlGuard.RefusedUrl e) {
            return failed(claimed, startedAt, elapsedMillis(startNanos), null, "refused: " + e.getMessage(), Optional.empty());
        } catch (RuntimeException e) {
            log.error("Webhook attempt for {} could not be made", claimed.id(), e);
            return failed(claimed, startedAt, elapsedMillis(startNanos), null, "internal error: " + e.getMessage(),
                    Optional.empty());
        }
    }

    private Attempt judge(Claimed claimed, long startedAt, long latency, Answer answer) {
        return switch (answer) {
            case Answer.Response r when r.status() >= 200 && r.status() < 300 ->
                    new Attempt(startedAt, r.status(), latency, Result.DELIVERED, null, 0);
            case Answer.Response r when r.status() == 410 -> new Attempt(startedAt, 410, latency, Result.GONE,
                    "410 Gone: no more callbacks to this URL for this application", 0);
            case Answer.Response r -> failed(claimed, startedAt, latency, r.status(), describe(r), r.retryAfter());
            case Answer.NoResponse n -> failed(claimed, startedAt, latency, null, n.error(), Optional.empty());
        };
    }

    private Attempt failed(Claimed claimed, long startedAt, long latency, Integer status, String error,
                           Optional<String> retryAfter) {
        Optional<Duration> delay = retries.delayAfter(claimed.attempts() + 1, retryAfter);
        if (delay.isEmpty()) {
            return new Attempt(startedAt, status, latency, Result.FAILED, error + " (retries exhausted, given up)", 0);
        }
        long next = startedAt + latency + delay.get().toMillis();
        return new Attempt(startedAt, status, latency, Result.RETRYING, error, next);
    }

    /** Counted once the outcome is committed, so metrics never run ahead of the database. */
    private void count(Result result) {
        switch (result) {
            case DELIVERED -> metrics.delivered();
            case RETRYING -> metrics.retried();
            case FAILED, GONE -> metrics.failed();
        }
    }

    private static String describe(Answer.Response r) {
        String text = "HTTP " + r.status();
        if (r.status() >= 300 && r.status() < 400) text += " (redirects are not followed)";
        String start = r.bodyStart().strip();
        return start.isEmpty() ? text : text + ": " + start;
    }

    private static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** Stops claiming, lets deliveries in flight finish within the send timeout, then interrupts the rest. */
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
        }
    }
}
