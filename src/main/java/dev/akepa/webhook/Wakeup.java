package dev.akepa.webhook;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** A signal that is never lost: a signal sent while nobody waits makes the next wait return at once. */
final class Wakeup {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signalled = lock.newCondition();
    private boolean pending;

    void signal() {
        lock.lock();
        try {
            pending = true;
            signalled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until a signal or the timeout; consumes the signal. */
    void await(long millis) throws InterruptedException {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, millis));
            while (!pending && nanos > 0) nanos = signalled.awaitNanos(nanos);
            pending = false;
        } finally {
            lock.unlock();
        }
    }
}
