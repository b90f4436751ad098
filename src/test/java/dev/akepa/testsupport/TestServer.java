package dev.akepa.testsupport;

import dev.akepa.App;
import dev.akepa.Config;
import dev.akepa.auth.PasswordHasher;
import dev.akepa.auth.ReviewerRepository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real server on a random loopback port with a temp data dir. When AKEPA_TEST_PG_URL is set, each server gets
 * a fresh PostgreSQL schema instead of the embedded SQLite database; both live as long as the server, restarts
 * included, and go when it is closed.
 */
public final class TestServer implements AutoCloseable {
    private final Path dataDir;
    private final PostgresSchema schema;
    private final Map<String, String> env;
    private App app;

    private TestServer(Path dataDir, PostgresSchema schema, Map<String, String> env) {
        this.dataDir = dataDir;
        this.schema = schema;
        this.env = env;
    }

    public static TestServer start() throws Exception {
        return start(Map.of());
    }

    public static TestServer start(Map<String, String> overrides) throws Exception {
        Path dataDir = Files.createTempDirectory("akepa-test-");
        Map<String, String> env = new HashMap<>();
        env.put("AKEPA_DATA_DIR", dataDir.toString());
        env.put("AKEPA_PORT", "0");
        env.put("AKEPA_HOST", "127.0.0.1");
        env.put("AKEPA_PARTNERS", "demo:demo-password,other:other-password");
        env.putAll(overrides);
        PostgresSchema schema = env.containsKey("AKEPA_DB_URL") ? null : PostgresSchema.createIfConfigured();
        if (schema != null) env.put("AKEPA_DB_URL", schema.url());
        TestServer server = new TestServer(dataDir, schema, env);
        try {
            server.app = App.start(Config.fromEnvironment(env));
            ServerHygiene.started(server);
        } catch (Exception | Error e) {
            try {
                server.close();
            } catch (IOException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return server;
    }

    private List<String> temporaryFiles() throws IOException {
        Path uploads = Config.fromEnvironment(env).http().multipartTempDir();
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.startsWith(uploads) || p.getFileName().toString().endsWith(".part")
                            || p.getFileName().toString().endsWith(".tmp"))
                    .map(p -> dataDir.relativize(p).toString())
                    .toList();
        }
    }

    /** Stops and starts the server on the same data dir and database, with optional changed settings. */
    public void restart(Map<String, String> overrides) throws Exception {
        app.close();
        env.putAll(overrides);
        app = App.start(Config.fromEnvironment(env));
    }

    public void restart() throws Exception {
        restart(Map.of());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    public ApiClient client() {
        return new ApiClient(baseUrl());
    }

    /** A client already holding a token of the demo partner. */
    public ApiClient demo() {
        return client().login("demo", "demo-password");
    }

    /** A client holding a token of a second partner. */
    public ApiClient other() {
        return client().login("other", "other-password");
    }

    /** Creates a reviewer account directly in the server's database, as `./akepa reviewer add` does. */
    public void createReviewer(String login, String password) {
        new ReviewerRepository(app.database().jdbi())
                .createIfAbsent(login, new PasswordHasher().hash(password), System.currentTimeMillis());
    }

    /** A reviewer with the supervisor role, as `./akepa reviewer add --role supervisor` makes one. */
    public void createSupervisor(String login, String password) {
        new ReviewerRepository(app.database().jdbi()).createIfAbsent(login, new PasswordHasher().hash(password),
                dev.akepa.auth.ReviewerRole.SUPERVISOR, System.currentTimeMillis());
    }

    public App app() {
        return app;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The environment the server was started with (for running operator commands against the same database). */
    public Map<String, String> env() {
        return Map.copyOf(env);
    }

    /**
     * Stops the server, then drops its schema and deletes its data dir, after telling {@link ServerHygiene} of any
     * temporary file the server left in it (an upload being received, a file being stored, a key being written).
     */
    @Override
    public void close() throws IOException {
        try {
            if (app != null) {
                app.close();
                ServerHygiene.leftBehind(temporaryFiles());
            }
        } finally {
            ServerHygiene.stopped(this);
            if (schema != null) schema.close();
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
