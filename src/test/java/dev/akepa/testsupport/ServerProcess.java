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
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server in its own JVM ({@code dev.akepa.App serve} on this test run's class path), configured only
 * through the environment as an operator runs a node: for tests that run several nodes, or kill one with SIGKILL
 * and start another on the same data. It listens on a port of 127.0.0.1 that the OS picks and the server
 * announces in its log, so no other process can take it first. It runs under {@link ExitWithParent}, so it also
 * stops when the test JVM dies without running its shutdown hooks.
 */
public final class ServerProcess implements AutoCloseable {
    /** In either log format: JSON lines escape the slashes ("http:\\/\\/127.0.0.1:…"). */
    private static final Pattern LISTENING = Pattern.compile("Akepa listening on http:\\\\?/\\\\?/127\\.0\\.0\\.1:(\\d+)");
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(20);
    /** Backstop for a test JVM that lives on but forgot the server; the longest process test takes a few minutes. */
    private static final Duration LIFETIME_LIMIT = Duration.ofMinutes(15);

    private final String name;
    private final Map<String, String> env;
    private final Path workDir;
    private final Process process;
    private final Path log;
    private final Thread killOnExit;
    private String baseUrl;

    private ServerProcess(String name, Map<String, String> env, Path workDir, Process process, Path log) {
        this.name = name;
        this.env = env;
        this.workDir = workDir;
        this.process = process;
        this.log = log;
        // a test JVM on its way out does not wait for a graceful stop
        this.killOnExit = new Thread(process::destroyForcibly, "kill-" + name);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts a server with {@code env} on top of these defaults: the demo partner and a data dir under
     * {@code workDir/name}, where its log also goes. AKEPA_HOST and AKEPA_PORT are always loopback and an OS-chosen
     * port; AKEPA_* variables of the test JVM are not passed on. Returns once the server answers /health/ready.
     */
    public static ServerProcess start(String name, Map<String, String> env, Path workDir) throws IOException {
        Path dir = Files.createDirectories(workDir.resolve(name));
        Map<String, String> serverEnv = new HashMap<>();
        serverEnv.put("AKEPA_DATA_DIR", dir.resolve("data").toString());
        serverEnv.put("AKEPA_PARTNERS", "demo:demo-password");
        serverEnv.putAll(env);
        return launch(name, Map.copyOf(serverEnv), workDir);
    }

    /** Another server with this one's environment, so on the same data dir and database (after {@link #kill()}). */
    public ServerProcess startAnother(String otherName) throws IOException {
        return launch(otherName, env, workDir);
    }

    private static ServerProcess launch(String name, Map<String, String> env, Path workDir) throws IOException {
        Path dir = Files.createDirectories(workDir.resolve(name));
        Path argFile = dir.resolve("java-args");
        // the class path can be long: an @argfile keeps it off the command line
        Files.writeString(argFile, "-cp \"" + System.getProperty("java.class.path")
                .replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n");
        Path log = dir.resolve("server.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        // as the launcher does: Tink's protobuf uses sun.misc.Unsafe, which Java 24+ warns about on stderr otherwise
        if (Runtime.version().feature() >= 24) command.add("--sun-misc-unsafe-memory-access=allow");
        // as the jar's manifest does: sqlite-jdbc's native library, which Java 24+ warns about otherwise
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(List.of("@" + argFile, ExitWithParent.class.getName(), Long.toString(LIFETIME_LIMIT.toSeconds()),
                "dev.akepa.App", "serve"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> childEnv = builder.environment();
        childEnv.keySet().removeIf(k -> k.startsWith("AKEPA_"));
        childEnv.putAll(env);
        childEnv.put("AKEPA_HOST", "127.0.0.1");
        childEnv.put("AKEPA_PORT", "0");
        ServerProcess server = new ServerProcess(name, env, workDir, builder.start(), log);
        try {
            server.awaitReady();
        } catch (RuntimeException | IOException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public ApiClient client() {
        return ApiClient.to(baseUrl);
    }

    /** A client already holding a token of the demo partner. */
    public ApiClient demo() {
        return client().login("demo", "demo-password");
    }

    public long pid() {
        return process.pid();
    }

    public List<String> logLines() {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines of the server's log (stdout and stderr), for failure messages. */
    public String logTail(int lines) {
        List<String> all = logLines();
        return name + " log:\n" + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** SIGKILL, a crash: no shutdown hook runs, nothing is flushed. Returns once the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(this + " survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + this + " to die", e);
        }
    }

    /** SIGTERM, the way an operator stops a node: in-flight work finishes. Killed if it takes too long. */
    public void stop() {
        if (!process.isAlive()) return;
        process.destroy();
        try {
            if (process.waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
    }

    /** Sends SIGTERM and returns at once (see {@link #awaitExit}). */
    public void terminate() {
        process.destroy();
    }

    /** The exit code once the process ended within {@code limit}; fails otherwise. */
    public int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(this + " still running after " + limit + "; " + logTail(30));
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the server unless it is gone already. */
    @Override
    public void close() {
        try {
            stop();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException jvmAlreadyExiting) {
                // the hook runs anyway
            }
        }
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; "
                            + logTail(60));
                }
                if (baseUrl == null) {
                    Matcher m = LISTENING.matcher(Files.readString(log));
                    if (m.find()) baseUrl = "http://127.0.0.1:" + m.group(1);
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
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", " + baseUrl + ")";
    }
}
