package dev.akepa.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

import java.nio.file.Path;

/** Connection pool, JDBI and migrations for either the embedded H2 file database or PostgreSQL. */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean postgres;

    private Database(HikariDataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.postgres = postgres;
    }

    public static Database open(DatabaseConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.jdbcUrl());
        if (config.user() != null) hikari.setUsername(config.user());
        if (config.password() != null) hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setPoolName("akepa-db");
        hikari.setAutoCommit(true);
        Database db = new Database(new HikariDataSource(hikari), config.jdbcUrl().startsWith("jdbc:postgresql:"));
        db.migrate();
        return db;
    }

    /** Flyway takes a database lock while migrating, so several nodes may start at once. */
    private void migrate() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    public Jdbi jdbi() { return jdbi; }

    boolean isPostgres() { return postgres; }

    public boolean isReachable() {
        try {
            return jdbi.withHandle(h -> h.createQuery("select 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /**
     * The embedded default: an H2 file database in PostgreSQL mode under the data directory. QUERY_CACHE_SIZE:
     * H2 keeps 8 parsed statements per connection by default and a journey uses more than that, so every
     * statement was parsed again (7 % of a journey's CPU in the profile).
     */
    public static String embeddedUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("akepa") +
                ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64"
                // Every acknowledged commit must survive kill -9; H2's default keeps the last 500 ms in memory.
                + ";WRITE_DELAY=0";
    }
}
