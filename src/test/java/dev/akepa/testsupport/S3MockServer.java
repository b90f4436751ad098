package dev.akepa.testsupport;

import dev.akepa.document.S3Config;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real S3-compatible server for tests: Adobe S3Mock's executable jar (the build copies it to
 * target/s3mock/s3mock-exec.jar in generate-test-resources) run as a child JVM on a free 127.0.0.1 port.
 * It is a Spring Boot application that needs a few seconds to start, so start it once per test class:
 * <pre>{@code @RegisterExtension static final S3MockServer S3 = new S3MockServer();}</pre>
 * It listens on that one port only (see /s3mock/single-loopback-connector.xml). It is stopped after the class,
 * by a shutdown hook if the test JVM exits first, and by itself if the test JVM dies without running its hooks;
 * each stop is bounded.
 */
public final class S3MockServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    public static final String REGION = "us-east-1";
    private static final Path DEFAULT_JAR = Path.of("target", "s3mock", "s3mock-exec.jar");
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(90);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(10);
    private static final int START_ATTEMPTS = 3;
    /** Backstop only: S3Mock also stops when the test JVM exits (ExitWithParent) or the test class ends. */
    private static final Duration LIFETIME_LIMIT = Duration.ofMinutes(30);
    private static final String SINGLE_CONNECTOR_XML = "/s3mock/single-loopback-connector.xml";

    private Process process;
    private Thread stopOnExit;
    private Path workDir;
    private int port;
    private Duration startupTime;

    /** Starts the server unless it runs already; returns once it answers S3 requests. */
    public synchronized S3MockServer start() {
        if (process != null) return this;
        Path jar = jar();
        long began = System.nanoTime();
        try {
            workDir = Files.createTempDirectory("akepa-s3mock-");
            for (int attempt = 1; ; attempt++) {
                port = freeLoopbackPort();
                Path log = workDir.resolve("s3mock-" + attempt + ".log");
                launch(jar, log);
                String failure = awaitReady(log);
                if (failure == null) break;
                stopProcess();
                // the free port can be taken between our probe and S3Mock's bind: then try another one
                if (attempt == START_ATTEMPTS || !failure.contains("already in use")) {
                    throw new IllegalStateException("S3Mock did not start: " + failure);
                }
            }
        } catch (IOException e) {
            stopProcess();
            throw new UncheckedIOException("Could not start S3Mock", e);
        }
        startupTime = Duration.ofNanos(System.nanoTime() - began);
        return this;
    }

    /** Plain-HTTP endpoint on loopback, for {@code AKEPA_S3_ENDPOINT}. */
    public URI endpoint() {
        requireRunning();
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The S3Mock JVM's process id, for tests that inspect what it listens on. */
    public long pid() {
        requireRunning();
        return process.pid();
    }

    /** Where S3Mock keeps buckets and objects, for tests that damage stored bytes behind the store's back. */
    public Path storeRoot() {
        requireRunning();
        return workDir.resolve("store");
    }

    /** From launching the JVM until S3Mock answered its first request. */
    public Duration startupTime() {
        requireRunning();
        return startupTime;
    }

    /** Settings for this server; S3Mock accepts any credentials, but the SDK signs with these. */
    public S3Config config(String bucket, boolean createBucket) {
        return new S3Config(bucket, endpoint(), REGION, true, "akepa-test", "akepa-test-secret", createBucket);
    }

    @Override
    public synchronized void close() {
        stopProcess();
        if (stopOnExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException jvmAlreadyExiting) {
                // the hook is running or about to: it stops the process
            }
            stopOnExit = null;
        }
        deleteWorkDir();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void launch(Path jar, Path log) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path oneConnector = workDir.resolve("single-loopback-connector.xml");
        try (InputStream xml = S3MockServer.class.getResourceAsStream(SINGLE_CONNECTOR_XML)) {
            if (xml == null) throw new IllegalStateException(SINGLE_CONNECTOR_XML + " is missing from the test classpath");
            Files.copy(xml, oneConnector, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = List.of(java.toString(),
                // a small, quickly started JVM: the machine's cores are shared with the tests
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                // S3Mock's own launcher, run under ExitWithParent so that S3Mock also stops if this JVM is killed
                "-cp", codeSourceOf(ExitWithParent.class) + File.pathSeparator + jar,
                ExitWithParent.class.getName(), Long.toString(LIFETIME_LIMIT.toSeconds()),
                "org.springframework.boot.loader.launch.JarLauncher",
                "--server.address=127.0.0.1",
                "--server.port=" + port,
                "--server.ssl.enabled=false",
                // replaces S3Mock's web server factory, whose extra HTTP connector would listen on all interfaces
                "--spring.main.sources=" + oneConnector.toUri(),
                "--spring.main.allow-bean-definition-overriding=true",
                "--com.adobe.testing.s3mock.store.root=" + workDir.resolve("store"),
                "--com.adobe.testing.s3mock.max-payload-size=64MB",
                "--spring.main.banner-mode=off");
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (stopOnExit == null) {
            stopOnExit = new Thread(this::stopAndClean, "s3mock-stop-on-exit");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
        }
    }

    private static Path codeSourceOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Null once S3Mock answers; otherwise why it will not (it exited, or the time limit passed). */
    private String awaitReady(Path log) throws IOException {
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        HttpRequest listBuckets = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(2)).build();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    return "exited with " + process.exitValue() + "; log:\n" + tail(log);
                }
                try {
                    if (http.send(listBuckets, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return null;
                } catch (IOException notListeningYet) {
                    // keep polling until the deadline
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while waiting";
        }
        return "no answer within " + STARTUP_LIMIT.toSeconds() + " s; log:\n" + tail(log);
    }

    private void stopAndClean() {
        stopProcess();
        deleteWorkDir();
    }

    private void stopProcess() {
        Process running = process;
        process = null;
        if (running == null || !running.isAlive()) return;
        running.destroy();
        try {
            if (!running.waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                running.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void requireRunning() {
        if (process == null) throw new IllegalStateException("S3Mock is not running: call start() first");
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("akepa.s3mock.jar", DEFAULT_JAR.toString())).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Mock jar not found at " + jar
                    + "; `mvn generate-test-resources` (part of `mvn test`) fetches it");
        }
        return jar;
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private void deleteWorkDir() {
        if (workDir == null) return;
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
        workDir = null;
    }
}
