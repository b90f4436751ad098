package dev.akepa.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Akepa server in its own JVM: {@code dev.akepa.App serve} with this test run's class path, configured only
 * through the environment, as an operator would run a node. It listens on a free 127.0.0.1 port that it announces
 * in its log; it runs under {@link ExitWithParent}, so it also stops if the test JVM dies.
 */
public final class AkepaProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Akepa listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(15);
    private static final Duration LIFETIME_LIMIT = Duration.ofMinutes(15);

    private final String name;
    private final Process process;
    private final Path log;
    private final Thread stopOnExit;
    private String baseUrl;

    private AkepaProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.stopOnExit = new Thread(this::stop, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts a node with {@code env} on top of loopback defaults (AKEPA_HOST=127.0.0.1, AKEPA_PORT=0, a data dir
     * under {@code workDir}); returns once it answers /health/ready. AKEPA_* variables of the test JVM are not
     * passed on.
     */
    public static AkepaProcess start(String name, Map<String, String> env, Path workDir) throws IOException {
        Path dir = Files.createDirectories(workDir.resolve(name));
        Path argFile = dir.resolve("java-args");
        // the class path can be long: an @argfile keeps it off the command line
        Files.writeString(argFile, "-cp \"" + System.getProperty("java.class.path")
                .replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n");
        Path log = dir.resolve("node.log");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "@" + argFile,
                ExitWithParent.class.getName(), Long.toString(LIFETIME_LIMIT.toSeconds()),
                "dev.akepa.App", "serve")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> childEnv = builder.environment();
        childEnv.keySet().removeIf(k -> k.startsWith("AKEPA_"));
        childEnv.put("AKEPA_HOST", "127.0.0.1");
        childEnv.put("AKEPA_PORT", "0");
        childEnv.put("AKEPA_DATA_DIR", dir.resolve("data").toString());
        childEnv.putAll(env);
        AkepaProcess node = new AkepaProcess(name, builder.start(), log);
        try {
            node.awaitReady();
        } catch (RuntimeException | IOException e) {
            node.close();
            throw e;
        }
        return node;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public long pid() {
        return process.pid();
    }

    public String name() {
        return name;
    }

    public List<String> logLines() {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines of the node's log, for failure messages. */
    public String logTail(int lines) {
        List<String> all = logLines();
        return name + " log:\n" + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + "; " + logTail(60));
                }
                if (baseUrl == null) {
                    Matcher m = LISTENING.matcher(Files.readString(log));
                    if (m.find()) baseUrl = m.group(1);
                }
                if (baseUrl != null && ready(http)) return;
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + name + " was starting");
        }
        throw new IllegalStateException(name + " was not ready within " + STARTUP_LIMIT.toSeconds() + " s; " + logTail(60));
    }

    private boolean ready(HttpClient http) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready")).timeout(Duration.ofSeconds(5)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** SIGTERM (the node's shutdown hook closes it), then a forced kill if it has not exited in time. */
    private void stop() {
        if (!process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException jvmAlreadyExiting) {
            // the hook runs stop() anyway
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", " + baseUrl + ")";
    }
}
