package dev.akepa.testsupport;

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
        String url = postgresUrl();
        if (url == null) return;
        String schema = "t" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet() + "_" + System.nanoTime() % 100000;
        try (var c = DriverManager.getConnection(url); var s = c.createStatement()) {
            s.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("AKEPA_TEST_PG_URL is set but PostgreSQL is not usable: " + e.getMessage(), e);
        }
        env.put("AKEPA_DB_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    }
}
