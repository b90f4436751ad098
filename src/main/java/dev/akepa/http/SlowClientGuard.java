package dev.akepa.http;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A deadline for the request line and headers, which Jetty lacks: its idle timeout restarts with every byte, so a
 * slowloris client sending one header byte a second held a connection for as long as it liked (500 of them for
 * 60 s). Once a second this looks at every open connection; one that has been inside a request head for longer
 * than the deadline is closed, and so is one whose body arrives slower than the minimum rate. Jetty's own
 * minimum data rate is not used: it applies from the first read, so a 60-byte body sent 100 ms after its headers
 * (600 bytes/s) would already fail a 1 KB/s minimum.
 *
 * <p>While the server stops, it also closes connections that sit idle between requests: Jetty's graceful stop waits
 * for every connection to close, and in-flight requests keep the whole grace (see HttpServer), so a client's idle
 * kept-alive connection would otherwise hold the stop for the whole grace (30 s per test server).
 */
final class SlowClientGuard extends AbstractLifeCycle {
    private static final Logger log = LoggerFactory.getLogger(SlowClientGuard.class);

    private final Server server;
    private final long deadlineNanos;
    /** When each connection was first seen inside its current request head. */
    private final Map<EndPoint, Long> headStarted = new ConcurrentHashMap<>();
    private final Map<EndPoint, BodyProgress> bodies = new ConcurrentHashMap<>();
    private final long minBodyRate;
    private ScheduledExecutorService timer;

    SlowClientGuard(Server server, Duration headDeadline, long minBodyRate) {
        this.server = server;
        this.minBodyRate = minBodyRate;
        this.deadlineNanos = headDeadline.toNanos();
    }

    @Override
    protected void doStart() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "akepa-slow-client-guard");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
        server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStopping(LifeCycle event) {
                if (event == server) timer.scheduleWithFixedDelay(SlowClientGuard.this::closeIdle, 0, 100, TimeUnit.MILLISECONDS);
            }
        });
    }

    /** Connections between requests (nothing of a next request received), while the server stops. */
    private void closeIdle() {
        try {
            for (Connector connector : server.getConnectors()) {
                for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                    // Parser at the start of a request, nothing buffered and no response being written: idle.
                    if (endPoint.getConnection() instanceof HttpConnection http && http.getParser().isStart()
                            && http.isRequestBufferEmpty() && http.getGenerator().isIdle()) {
                        endPoint.close();
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("Closing idle connections while stopping failed", e);
        }
    }

    @Override
    protected void doStop() {
        timer.shutdownNow();
        headStarted.clear();
    }

    void sweep() {
        try {
            long now = System.nanoTime();
            Set<EndPoint> open = new HashSet<>();
            int slowHeads = 0;
            int slowBodies = 0;
            for (Connector connector : server.getConnectors()) {
                for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                    open.add(endPoint);
                    Connection connection = endPoint.getConnection();
                    if (inRequestHead(connection)) {
                        bodies.remove(endPoint);
                        long since = headStarted.computeIfAbsent(endPoint, e -> now);
                        if (now - since > deadlineNanos) {
                            headStarted.remove(endPoint);
                            endPoint.close();
                            slowHeads++;
                        }
                    } else if (inRequestBody(connection) && minBodyRate > 0) {
                        headStarted.remove(endPoint);
                        if (tooSlow(endPoint, (HttpConnection) connection, now)) {
                            bodies.remove(endPoint);
                            endPoint.close();
                            slowBodies++;
                        }
                    } else {
                        headStarted.remove(endPoint);
                        bodies.remove(endPoint);
                    }
                }
            }
            headStarted.keySet().retainAll(open);
            bodies.keySet().retainAll(open);
            if (slowHeads > 0) log.info("Closed {} connections whose request line and headers took over {} ms", slowHeads,
                    TimeUnit.NANOSECONDS.toMillis(deadlineNanos));
            if (slowBodies > 0) log.info("Closed {} connections whose request body came slower than {} bytes/s",
                    slowBodies, minBodyRate);
        } catch (RuntimeException e) {
            log.warn("Checking for slow clients failed", e);
        }
    }

    /**
     * Only time the server spent waiting for the body counts (the handler is reading and nothing is buffered), so
     * a busy server that has not read yet never makes a client look slow; the rate applies after a first
     * deadline's worth of waiting, so a small body sent after a pause is not cut off.
     */
    private boolean tooSlow(EndPoint endPoint, HttpConnection connection, long now) {
        BodyProgress progress = bodies.computeIfAbsent(endPoint, e -> new BodyProgress(connection.getBytesIn(), now));
        if (endPoint.isFillInterested()) progress.waitedNanos += now - progress.lastSweep;
        progress.lastSweep = now;
        if (progress.waitedNanos < deadlineNanos) return false;
        long bytes = connection.getBytesIn() - progress.bytesAtStart;
        return bytes * 1_000_000_000L / progress.waitedNanos < minBodyRate;
    }

    private static final class BodyProgress {
        final long bytesAtStart;
        long lastSweep;
        long waitedNanos;

        BodyProgress(long bytesAtStart, long now) {
            this.bytesAtStart = bytesAtStart;
            this.lastSweep = now;
        }
    }

    private static boolean inRequestBody(Connection connection) {
        return connection instanceof HttpConnection http && http.getParser().inContentState();
    }

    /** Bytes of a request line or header arrived and the head is not complete (an idle kept-alive one is not). */
    private static boolean inRequestHead(Connection connection) {
        if (!(connection instanceof HttpConnection http)) return false;
        var parser = http.getParser();
        return !parser.isStart() && parser.inHeaderState() && !parser.isClose() && !parser.isClosed();
    }
}
