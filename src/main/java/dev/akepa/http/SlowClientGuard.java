package dev.akepa.http;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
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
 * than the deadline is closed. Bodies are Jetty's own minimum data rate (HttpConfiguration#setMinRequestDataRate).
 */
final class SlowClientGuard extends AbstractLifeCycle {
    private static final Logger log = LoggerFactory.getLogger(SlowClientGuard.class);

    private final Server server;
    private final long deadlineNanos;
    /** When each connection was first seen inside its current request head. */
    private final Map<EndPoint, Long> headStarted = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    SlowClientGuard(Server server, Duration headDeadline) {
        this.server = server;
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
            int closed = 0;
            for (Connector connector : server.getConnectors()) {
                for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                    open.add(endPoint);
                    if (!inRequestHead(endPoint.getConnection())) {
                        headStarted.remove(endPoint);
                        continue;
                    }
                    long since = headStarted.computeIfAbsent(endPoint, e -> now);
                    if (now - since > deadlineNanos) {
                        headStarted.remove(endPoint);
                        endPoint.close();
                        closed++;
                    }
                }
            }
            headStarted.keySet().retainAll(open);
            if (closed > 0) log.info("Closed {} connections whose request line and headers took over {} ms", closed,
                    TimeUnit.NANOSECONDS.toMillis(deadlineNanos));
        } catch (RuntimeException e) {
            log.warn("Checking for slow clients failed", e);
        }
    }

    /** Bytes of a request line or header arrived and the head is not complete (an idle kept-alive one is not). */
    private static boolean inRequestHead(Connection connection) {
        if (!(connection instanceof HttpConnection http)) return false;
        var parser = http.getParser();
        return !parser.isStart() && parser.inHeaderState() && !parser.isClose() && !parser.isClosed();
    }
}
