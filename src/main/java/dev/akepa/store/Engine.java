package dev.akepa.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.config.JdbiConfig;

import java.sql.SQLException;

/** The engines the server runs on: SQLite embedded (the default), PostgreSQL in production. */
enum Engine {
    SQLITE("classpath:db/sqlite"),
    POSTGRES("classpath:db/migration");

    private final String migrations;

    Engine(String migrations) {
        this.migrations = migrations;
    }

    String migrations() {
        return migrations;
    }

    static Engine of(String jdbcUrl) {
        if (Sqlite.handles(jdbcUrl)) return SQLITE;
        if (jdbcUrl.startsWith("jdbc:postgresql:")) return POSTGRES;
        throw new IllegalArgumentException("AKEPA_DB_URL must be a jdbc:postgresql: or jdbc:sqlite: URL (unset: the "
                + "embedded SQLite file in AKEPA_DATA_DIR, into which an earlier version's H2 database is copied at start)");
    }

    /**
     * The engine of a handle's database, without asking the driver's metadata for every statement: {@link Database}
     * sets it; a Jdbi made elsewhere (a benchmark's loader) has its handles ask the driver once each.
     */
    static Engine of(Handle h) {
        Config config = h.getConfig(Config.class);
        if (config.engine == null) {
            try {
                config.engine = of(h.getConnection().getMetaData().getURL());
            } catch (SQLException e) {
                throw new IllegalStateException("reading the database's URL failed", e);
            }
        }
        return config.engine;
    }

    /** Where JDBI keeps the engine, so that a handle knows it. */
    public static final class Config implements JdbiConfig<Config> {
        Engine engine;

        public Config() {}

        private Config(Config other) {
            this.engine = other.engine;
        }

        @Override
        public Config createCopy() {
            return new Config(this);
        }
    }
}
