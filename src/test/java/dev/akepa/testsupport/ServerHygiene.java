package dev.akepa.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * After every test class (registered for all of them through JUnit's extension auto-detection, see
 * junit-platform.properties), as OkHttp's test rule checks for leaked connections: fails the class when a server
 * of this JVM answered with an unexpected 500 (an "Unhandled error" logged by HttpServer), when a {@link TestServer}
 * was left running, when a server left a temporary file behind (see {@link TestServer#close()}), or when a TCP
 * socket opened during the class is still listening or connected. A class that provokes server errors on purpose
 * says so with {@link ExpectedServerErrors}.
 */
public final class ServerHygiene implements BeforeAllCallback, AfterAllCallback {
    private static final String UNHANDLED_ERRORS_FROM = "dev.akepa.http.HttpServer";
    /** Sockets close asynchronously (a pool's last connection, a peer's FIN): this long to settle. */
    private static final long SETTLE_MILLIS = 3_000;

    private static final List<String> serverErrors = new CopyOnWriteArrayList<>();
    private static final List<String> leftFiles = new CopyOnWriteArrayList<>();
    private static final Set<TestServer> running = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final Appender APPENDER = new Appender();

    private Set<String> socketsBefore = Set.of();

    /** A server this JVM runs has stopped and left these temporary files (called by TestServer before cleaning up). */
    static void leftBehind(List<String> files) {
        leftFiles.addAll(files);
    }

    static void started(TestServer server) {
        running.add(server);
    }

    static void stopped(TestServer server) {
        running.remove(server);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        begin();
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        List<String> problems = problems(expectsServerErrors(context));
        if (!problems.isEmpty()) {
            throw new AssertionError(context.getDisplayName() + " left a mess: " + String.join("; ", problems));
        }
    }

    /** Starts watching: what is open now is not this class's doing. */
    void begin() {
        APPENDER.attach();
        serverErrors.clear();
        leftFiles.clear();
        running.clear();
        socketsBefore = ListeningSockets.supported() ? openSockets() : Set.of();
    }

    /** What went wrong since {@link #begin()}; starts watching afresh. */
    List<String> problems(boolean errorsExpected) throws InterruptedException {
        List<String> problems = new ArrayList<>();
        if (!errorsExpected && !serverErrors.isEmpty()) {
            problems.add("the server answered 500 (unhandled error) " + serverErrors.size() + " time(s): " + serverErrors);
        }
        if (!running.isEmpty()) problems.add(running.size() + " TestServer(s) not closed");
        if (!leftFiles.isEmpty()) problems.add("temporary files left behind by a server: " + leftFiles);
        if (ListeningSockets.supported()) {
            Set<String> leaked = leakedSockets();
            if (!leaked.isEmpty()) problems.add("sockets opened during the class still open: " + leaked);
        }
        begin();
        return problems;
    }

    private static boolean expectsServerErrors(ExtensionContext context) {
        Optional<Class<?>> type = context.getTestClass();
        for (Class<?> c = type.orElse(null); c != null; c = c.getEnclosingClass()) {
            if (c.isAnnotationPresent(ExpectedServerErrors.class)) return true;
        }
        return false;
    }

    private Set<String> leakedSockets() throws InterruptedException {
        long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
        while (true) {
            Set<String> leaked = new HashSet<>(openSockets());
            leaked.removeAll(socketsBefore);
            if (leaked.isEmpty() || System.currentTimeMillis() > deadline) return leaked;
            Thread.sleep(100);
        }
    }

    /** Listening and connected TCP sockets of this JVM ("LISTEN 127.0.0.1:8080", "ESTABLISHED a -> b"). */
    private static Set<String> openSockets() {
        return new HashSet<>(ListeningSockets.open(ProcessHandle.current().pid()));
    }

    /** Collects the unhandled errors HttpServer logs (one per 500 answer). */
    private static final class Appender extends AppenderBase<ILoggingEvent> {
        private boolean attached;

        synchronized void attach() {
            if (attached) return;
            if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext logback)) return;
            setContext(logback);
            setName("server-hygiene");
            start();
            logback.getLogger(UNHANDLED_ERRORS_FROM).addAppender(this);
            attached = true;
        }

        @Override
        protected void append(ILoggingEvent event) {
            if (event.getLevel().isGreaterOrEqual(Level.ERROR)) serverErrors.add(event.getFormattedMessage());
        }
    }

}
