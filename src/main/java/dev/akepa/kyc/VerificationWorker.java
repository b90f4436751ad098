package dev.akepa.kyc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Runs queued background verifications. Woken at once when this node queues a job, and polls so that jobs queued by
 * other nodes, or left behind by a crash or restart, are picked up too.
 */
final class VerificationWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VerificationWorker.class);
    private static final int BATCH = 16;
    private static final long RETRY_DELAY_MILLIS = 5_000;

    private final KycService kyc;
    private final VerificationJobs jobs;
    private final Clock clock;
    private final JobQueued jobQueued;
    private final long pollMillis;
    private volatile boolean running = true;
    private final Thread thread;

    /** @param jobQueued the signal {@link KycService} sends after committing a job */
    VerificationWorker(KycService kyc, VerificationJobs jobs, JobQueued jobQueued, Clock clock, long pollMillis) {
        this.kyc = kyc;
        this.jobs = jobs;
        this.jobQueued = jobQueued;
        this.clock = clock;
        this.pollMillis = pollMillis;
        this.thread = Thread.ofVirtual().name("verification-worker").unstarted(this::loop);
    }

    public VerificationWorker start() {
        thread.start();
        return this;
    }

    private void loop() {
        while (running) {
            try {
                int done = runDueJobs();
                if (done < BATCH) jobQueued.await(pollMillis);
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
