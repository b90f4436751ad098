package dev.akepa.webhook;

import dev.akepa.webhook.OutboxStore.Claimed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * One claiming loop per process, for the callbacks nobody handed to {@link ClaimedWork} directly: retries that
 * come due, work queued by other processes, claims left by a process that died. Woken by changes, replays and
 * recorded batches; polls otherwise.
 */
final class ClaimPoller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClaimPoller.class);
    private static final int MAX_CLAIM = 100;

    private final OutboxStore store;
    private final ClaimedWork work;
    private final Wakeup wakeup;
    private final Clock clock;
    private final Duration pollInterval;
    private volatile boolean running;
    private Thread claimer;

    ClaimPoller(OutboxStore store, ClaimedWork work, Wakeup wakeup, Clock clock, Duration pollInterval) {
        this.store = store;
        this.work = work;
        this.wakeup = wakeup;
        this.clock = clock;
        this.pollInterval = pollInterval;
    }

    synchronized void start() {
        if (running) return;
        running = true;
        claimer = Thread.ofVirtual().name("webhook-claimer").start(this::claimLoop);
    }

    private void claimLoop() {
        while (running) {
            try {
                int room = work.room(MAX_CLAIM);
                if (room <= 0) {
                    wakeup.await(pollInterval.toMillis()); // a recorded batch wakes us
                    continue;
                }
                long now = clock.millis();
                List<Claimed> batch = store.claim(now, room, work.newLease());
                work.sendClaimed(batch);
                if (batch.size() == room) continue;
                wakeup.await(idleMillis(now, batch.isEmpty()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Claiming webhook callbacks failed; retrying in {}", pollInterval, e);
                try {
                    wakeup.await(pollInterval.toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Until the earliest future retry, at most one poll interval (work queued by other processes). */
    private long idleMillis(long now, boolean claimedNothing) {
        long poll = pollInterval.toMillis();
        if (!claimedNothing) return poll;
        OptionalLong next = store.nextDueAfter(now);
        return next.isPresent() ? Math.min(poll, next.getAsLong() - now) : poll;
    }

    /** Stops claiming; what was claimed already is {@link ClaimedWork}'s to finish. */
    @Override
    public void close() {
        synchronized (this) {
            running = false;
        }
        wakeup.signal();
        try {
            if (claimer != null) claimer.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
