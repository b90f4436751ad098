package dev.akepa.testsupport;

import dev.akepa.store.DatabaseConfig;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A schema of its own in the PostgreSQL database named by AKEPA_TEST_PG_URL (the tests run on embedded SQLite when
 * that is unset), so a test never sees another's rows. That database outlives the run and other runs share it,
 * so {@link #close()} drops the schema with everything in it: its owner (a {@link TestServer}, or the test that
 * points several servers at it) closes it once its servers have stopped. A schema nobody closed is dropped when the
 * test JVM exits.
 */
public final class PostgresSchema implements AutoCloseable {
    private static final String ENV = "AKEPA_TEST_PG_URL";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PostgresSchema> NOT_DROPPED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(PostgresSchema::dropForgotten, "drop-test-schemas"));
    }

    private final String adminUrl;
    private final String name;

    private PostgresSchema(String adminUrl) {
        this.adminUrl = adminUrl;
        // the pid tells whose a schema is; the random part keeps a schema left by a killed run from clashing
        this.name = "akepa_test_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet() + "_"
                + HexFormat.of().formatHex(RANDOM.generateSeed(3));
        execute("create schema " + name);
        NOT_DROPPED.add(this);
    }

    /** True when AKEPA_TEST_PG_URL names a PostgreSQL database to test on. */
    public static boolean configured() {
        return baseUrl() != null;
    }

    /** A new, empty schema; fails when AKEPA_TEST_PG_URL is unset or PostgreSQL is not usable. */
    public static PostgresSchema create() {
        String url = baseUrl();
        if (url == null) throw new IllegalStateException(ENV + " is not set");
        return new PostgresSchema(url);
    }

    /** A new, empty schema, or null when AKEPA_TEST_PG_URL is unset (the test then runs on SQLite). */
    public static PostgresSchema createIfConfigured() {
        return configured() ? create() : null;
    }

    public String name() {
        return name;
    }

    /** The JDBC URL whose sessions work in this schema (AKEPA_DB_URL of a server). */
    public String url() {
        return adminUrl + "&currentSchema=" + name;
    }

    public DatabaseConfig database(int poolSize) {
        return new DatabaseConfig(url(), null, null, poolSize);
    }

    /** Drops the schema and everything in it; stop the servers that use it first. Later calls do nothing. */
    @Override
    public void close() {
        if (!NOT_DROPPED.contains(this)) return;
        execute("drop schema if exists " + name + " cascade");
        // only now: a schema whose drop failed is tried again when the JVM exits
        NOT_DROPPED.remove(this);
    }

    @Override
    public String toString() {
        return name;
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl); var s = c.createStatement()) {
            // a session still holding a lock in the schema would block the drop for good; fail instead
            s.execute("set lock_timeout = '10s'");
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(ENV + " is set, but '" + sql + "' failed: " + e.getMessage(), e);
        }
    }

    private static void dropForgotten() {
        for (PostgresSchema schema : Set.copyOf(NOT_DROPPED)) {
            try {
                schema.close();
            } catch (RuntimeException e) {
                System.err.println("Test schema " + schema + " is left in PostgreSQL: " + e.getMessage());
            }
        }
    }

    /** AKEPA_TEST_PG_URL with a user: the one in the URL, else postgres (the trust-auth default). */
    private static String baseUrl() {
        String url = System.getenv(ENV);
        if (url == null || url.isBlank()) return null;
        String withQuery = url.contains("?") ? url : url + "?";
        boolean hasUser = withQuery.substring(withQuery.indexOf('?') + 1).matches("(.*&)?user=.*");
        return hasUser ? withQuery : withQuery + (withQuery.endsWith("?") ? "" : "&") + "user=postgres";
    }
}
