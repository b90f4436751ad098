package dev.akepa.kyc;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The after-commit wake-up of the verification job queue: {@link KycService} signals it once a job's transaction
 * committed, the local {@link VerificationWorker} waits on it between polls. Built before both, so neither plants a
 * callback in the other. A signal sent while the worker is busy is kept for its next wait.
 */
final class JobQueued {
    private final Semaphore signals = new Semaphore(0);

    void signal() {
        signals.release();
    }

    /** Waits until a signal or the timeout, and consumes every signal sent so far. */
    void await(long millis) throws InterruptedException {
        signals.tryAcquire(millis, TimeUnit.MILLISECONDS);
        signals.drainPermits();
    }
}
