package dev.akepa.testsupport;

import dev.akepa.store.Database;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chooses the database for a test server: embedded H2 (the default) or, when AKEPA_TEST_PG_URL is set, a fresh
 * schema in that PostgreSQL database for every server, so tests never see each other's rows.
 */
public final class TestDatabases {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestDatabases() {}

    public static String postgresUrl() {
        String url = System.getenv("AKEPA_TEST_PG_URL");
        return url == null || url.isBlank() ? null : url;
    }

    static void configure(Map<String, String> env) {
        if (postgresUrl() != null) env.put("AKEPA_DB_URL", freshPostgresSchema());
    }

    /** A JDBC URL of a new, empty schema in the AKEPA_TEST_PG_URL database; fails when that is not set. */
    public static String freshPostgresSchema() {
        String url = postgresUrl();
        if (url == null) throw new IllegalStateException("AKEPA_TEST_PG_URL is not set");
        String schema = "t" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet() + "_" + System.nanoTime() % 100000;
        try (var c = DriverManager.getConnection(url); var s = c.createStatement()) {
            s.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("AKEPA_TEST_PG_URL is set but PostgreSQL is not usable: " + e.getMessage(), e);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** A fresh database for a test that opens {@code Database} itself: a PostgreSQL schema, or H2 under dataDir. */
    public static String freshUrl(Path dataDir) {
        return postgresUrl() != null ? freshPostgresSchema() : Database.embeddedUrl(dataDir);
    }
}
