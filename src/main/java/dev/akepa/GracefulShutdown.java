package dev.akepa;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * SIGTERM (or SIGINT) as an operator means it: stop accepting, let in-flight requests finish for up to the grace
 * (AKEPA_SHUTDOWN_GRACE; Jetty's graceful stop), let callbacks in flight finish or hand back their claims, close
 * storage, exit 0. A second signal, or the grace plus a margin for closing running out, exits at once (143).
 * Handled as signals rather than in a shutdown hook: the JVM ignores a second SIGTERM while hooks run, and a
 * hook cannot choose the exit code (a JVM stopped by SIGTERM exits 143 even when all went well).
 */
final class GracefulShutdown {
    private static final Logger log = LoggerFactory.getLogger(GracefulShutdown.class);
    /** After the grace, time for workers to finish their last attempts (bounded by their own timeouts) and close. */
    private static final Duration CLOSING_MARGIN = Duration.ofSeconds(30);
    private static final int FORCED_EXIT = 143;

    private GracefulShutdown() {}

    /** Blocks until a signal has stopped the app; returns the exit code. */
    static int serveUntilSignalled(App app, Duration grace) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Runnable onSignal = () -> {
            if (!stopping.compareAndSet(false, true)) {
                log.warn("Second stop signal: exiting at once");
                Runtime.getRuntime().halt(FORCED_EXIT);
            }
            log.info("Stopping: no new connections; in-flight requests get up to {}", grace);
            Thread.ofPlatform().name("akepa-shutdown").start(() -> {
                app.close();
                stopped.countDown();
            });
            Thread.ofPlatform().daemon().name("akepa-shutdown-watchdog").start(() -> {
                try {
                    if (!stopped.await(grace.plus(CLOSING_MARGIN).toMillis(), TimeUnit.MILLISECONDS)) {
                        log.warn("Shutdown took longer than the grace and {}: exiting at once", CLOSING_MARGIN);
                        Runtime.getRuntime().halt(FORCED_EXIT);
                    }
                } catch (InterruptedException ignored) {
                    // the process is exiting anyway
                }
            });
        };
        Signal.handle(new Signal("TERM"), s -> onSignal.run());
        Signal.handle(new Signal("INT"), s -> onSignal.run());
        stopped.await();
        log.info("Stopped");
        return 0;
    }
}
