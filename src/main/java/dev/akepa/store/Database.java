package dev.akepa.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.nio.file.Path;

/**
 * Connection pool, JDBI and migrations for either the embedded SQLite file database or PostgreSQL. An H2 data dir of
 * an earlier version is copied into SQLite the first time it is opened ({@link H2DataDirMigration}).
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Engine engine;

    private Database(HikariDataSource dataSource, Engine engine) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.engine = engine;
        jdbi.getConfig(Engine.Config.class).engine = engine;
        if (engine == Engine.SQLITE) Sqlite.configure(jdbi);
    }

    public static Database open(DatabaseConfig config) {
        Engine engine = Engine.of(config.jdbcUrl());
        StatementEventsOffRecord.install();
        if (engine == Engine.SQLITE) H2DataDirMigration.runIfNeeded(Sqlite.file(config.jdbcUrl()));
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.jdbcUrl());
        if (config.user() != null) hikari.setUsername(config.user());
        if (config.password() != null) hikari.setPassword(config.password());
        if (engine == Engine.SQLITE) Sqlite.configure(hikari);
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setPoolName("akepa-db");
        hikari.setAutoCommit(true);
        Database db = new Database(new HikariDataSource(hikari), engine);
        try {
            migrate(db.dataSource, engine);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /** Flyway takes a database lock while migrating, so several nodes may start at once. */
    static void migrate(DataSource dataSource, Engine engine) {
        migrate(dataSource, engine, "latest");
    }

    /** {@code engine}'s migrations up to {@code version} ("latest": all of them). */
    static void migrate(DataSource dataSource, Engine engine, String version) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(engine.migrations())
                .target(version)
                .load()
                .migrate();
    }

    /** {@code jdbcUrl}, when the server runs on its engine; else the refusal, naming the engines it runs on. */
    public static String supportedUrl(String jdbcUrl) {
        Engine.of(jdbcUrl);
        return jdbcUrl;
    }

    public Jdbi jdbi() { return jdbi; }

    /** HikariCP's own meters (hikaricp_connections_active, _idle, _pending, _acquire…) tagged pool="akepa-db". */
    public void bindMetrics(MeterRegistry registry) {
        dataSource.setMetricRegistry(registry);
    }

    public boolean isPostgres() { return engine == Engine.POSTGRES; }

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
     * The embedded default: a SQLite file under the data directory (docs/architecture.md, "The embedded engine", says
     * why SQLite and not H2 any more). Any number of processes open it at once, so the CLI works while the server runs.
     */
    public static String embeddedUrl(Path dataDir) {
        return Sqlite.url(dataDir);
    }
}
