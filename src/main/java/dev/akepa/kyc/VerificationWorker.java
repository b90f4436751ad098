package dev.akepa.kyc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs queued background verifications. Woken at once when this node queues a job, and polls so that jobs queued by
 * other nodes, or left behind by a crash or restart, are picked up too.
 */
public final class VerificationWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VerificationWorker.class);
    private static final int BATCH = 16;
    private static final long RETRY_DELAY_MILLIS = 5_000;

    private final KycService kyc;
    private final VerificationJobs jobs;
    private final Clock clock;
    private final long pollMillis;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running = true;
    private final Thread thread;

    public VerificationWorker(KycService kyc, VerificationJobs jobs, Clock clock, long pollMillis) {
        this.kyc = kyc;
        this.jobs = jobs;
        this.clock = clock;
        this.pollMillis = pollMillis;
        this.thread = Thread.ofVirtual().name("verification-worker").unstarted(this::loop);
    }

    public VerificationWorker start() {
        kyc.onJobQueued(this::wake);
        thread.start();
        return this;
    }

    public void wake() {
        wake.release();
    }

    private void loop() {
        while (running) {
            try {
                int done = runDueJobs();
                if (done < BATCH) {
                    wake.tryAcquire(pollMillis, TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running) log.warn("Verification worker cycle failed; retrying", e);
                sleepQuietly();
            }
        }
    }

    private int runDueJobs() {
        var claimed = jobs.claim(clock.millis(), BATCH);
        for (String applicationId : claimed) {
            try {
                kyc.runVerification(applicationId);
            } catch (RuntimeException e) {
                log.warn("Verification of application {} failed; will retry", applicationId, e);
                jobs.retryLater(applicationId, clock.millis() + RETRY_DELAY_MILLIS);
            }
        }
        return claimed.size();
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(pollMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }
}
