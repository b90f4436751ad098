package dev.akepa.webhook;

import dev.akepa.store.DatabaseConfig;
import dev.akepa.testsupport.TestDatabases;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/** A throwaway schema in the PostgreSQL named by AKEPA_TEST_PG_URL (a database other tests share). */
final class PostgresSchema implements AutoCloseable {
    private final String url;
    private final String name = "webhook_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private PostgresSchema(String url) {
        this.url = url;
        execute("create schema " + name);
    }

    /** Null when AKEPA_TEST_PG_URL is unset. */
    static PostgresSchema createIfConfigured() {
        String url = TestDatabases.postgresUrl();
        return url == null ? null : new PostgresSchema(url);
    }

    DatabaseConfig database() {
        return new DatabaseConfig(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name, user(), null, 8);
    }

    @Override
    public void close() {
        execute("drop schema " + name + " cascade");
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(url, user(), null)) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("AKEPA_TEST_PG_URL is set but PostgreSQL is not usable: " + e.getMessage(), e);
        }
    }

    /** The user in the URL wins; otherwise the trust-auth default. */
    private String user() {
        return url.contains("user=") ? null : "postgres";
    }
}
