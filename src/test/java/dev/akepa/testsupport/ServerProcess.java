package dev.akepa.testsupport;

import dev.akepa.App;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real server as a child JVM ({@code dev.akepa.App serve} on this test run's class path), so a test can kill it
 * with SIGKILL and start another on the same data. It listens on a free loopback port chosen here. The child halts
 * by itself when the test JVM exits (even by kill -9) or after {@link #MAX_LIFETIME}; a shutdown hook kills it too.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(20);
    static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Map<String, String> env;
    private final Process process;
    private final int port;
    private final Path log;
    private final Thread killOnExit;

    private ServerProcess(Map<String, String> env, Process process, int port, Path log) {
        this.env = env;
        this.process = process;
        this.port = port;
        this.log = log;
        this.killOnExit = new Thread(process::destroyForcibly, "kill-akepa-" + process.pid());
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts a server with exactly {@code env} (AKEPA_* of the test JVM are not inherited; AKEPA_HOST and AKEPA_PORT
     * are set here) and returns once /health/ready answers 200. Set at least AKEPA_DATA_DIR.
     */
    public static ServerProcess start(Map<String, String> env) throws IOException, InterruptedException {
        int port = freePort();
        Path log = Files.createTempFile("akepa-server-", ".log");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                ServerProcess.class.getName(), Long.toString(ProcessHandle.current().pid()), "serve")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AKEPA_"));
        builder.environment().putAll(env);
        builder.environment().put("AKEPA_HOST", "127.0.0.1");
        builder.environment().put("AKEPA_PORT", Integer.toString(port));
        ServerProcess server = new ServerProcess(Map.copyOf(env), builder.start(), port, log);
        try {
            server.awaitReady();
        } catch (IOException | RuntimeException | InterruptedException e) {
            server.kill();
            throw e;
        }
        return server;
    }

    /** Another server on the same environment (data dir, database), on a new port. */
    public ServerProcess startAnother() throws IOException, InterruptedException {
        return start(env);
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public ApiClient client() {
        return new ApiClient(baseUrl());
    }

    public ApiClient login(String login, String password) {
        return client().login(login, password);
    }

    public Map<String, String> env() {
        return env;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the server printed so far (stdout and stderr). */
    public String logs() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook, nothing flushed; returns once the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("server process " + process.pid() + " survived SIGKILL");
        }
    }

    /** SIGTERM, the way an operator stops a node: in-flight work finishes. Killed if it takes too long. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) kill();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            if (process.isAlive()) kill();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException alreadyExiting) {
                // the hook runs anyway
            }
            try {
                Files.deleteIfExists(log);
            } catch (IOException ignored) {
                // a temp file; nothing depends on it
            }
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + " while starting:\n" + logs());
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException notListeningYet) {
                // starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("server not ready within " + STARTUP_LIMIT + ":\n" + logs());
    }

    /** A port nobody listens on now; the child binds it a moment later (a race we accept on loopback). */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * The child's entry point: halts when the test JVM (args[0]) is gone or after {@link #MAX_LIFETIME}, so no
     * server outlives its test run; then runs {@code App.main} with the remaining arguments.
     */
    public static void main(String[] args) throws Exception {
        long parent = Long.parseLong(args[0]);
        ProcessHandle.of(parent).ifPresentOrElse(
                handle -> handle.onExit().thenRun(() -> Runtime.getRuntime().halt(3)),
                () -> Runtime.getRuntime().halt(3));
        Thread.ofPlatform().daemon().name("lifetime-limit").start(() -> {
            try {
                Thread.sleep(MAX_LIFETIME);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(4);
        });
        String[] rest = new String[args.length - 1];
        System.arraycopy(args, 1, rest, 0, rest.length);
        App.main(rest);
    }

    /** A base environment for one server: sandbox mode, the given data dir, the demo partner. */
    public static Map<String, String> sandboxEnv(Path dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("AKEPA_DATA_DIR", dataDir.toString());
        env.put("AKEPA_PARTNERS", "demo:demo-password");
        return env;
    }
}
