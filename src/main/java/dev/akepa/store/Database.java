package dev.akepa.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleListener;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;

import java.nio.file.Path;
import java.util.Optional;

/** Connection pool, JDBI and migrations for either the embedded H2 file database or PostgreSQL. */
public final class Database implements AutoCloseable {
    static {
        // H2's auto-server (the CLI reaching the file while the server runs) binds here, never to every interface.
        // H2 reads this once, when its classes load: before any H2 use, which goes through this class.
        if (System.getProperty("h2.bindAddress") == null) System.setProperty("h2.bindAddress", "127.0.0.1");
    }

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean postgres;
    private Optional<H2Housekeeping> housekeeping = Optional.empty();

    private Database(HikariDataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.postgres = postgres;
    }

    public static Database open(DatabaseConfig config) {
        StatementEventsOffRecord.install();
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.jdbcUrl());
        if (config.user() != null) hikari.setUsername(config.user());
        if (config.password() != null) hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setPoolName("akepa-db");
        hikari.setAutoCommit(true);
        Database db = new Database(new HikariDataSource(hikari), config.jdbcUrl().startsWith("jdbc:postgresql:"));
        try {
            db.migrate();
            if (!db.postgres) db.housekeeping = H2Housekeeping.startIfEmbedded(db.dataSource);
            db.housekeeping.ifPresent(h2 -> db.jdbi.getConfig(Handles.class).addListener(new HandleListener() {
                @Override
                public void handleClosed(Handle handle) {
                    h2.afterUnitOfWork();
                }
            }));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
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

    /** HikariCP's own meters (hikaricp_connections_active, _idle, _pending, _acquire…) tagged pool="akepa-db". */
    public void bindMetrics(MeterRegistry registry) {
        dataSource.setMetricRegistry(registry);
    }

    public boolean isPostgres() { return postgres; }

    public boolean isReachable() {
        try {
            return jdbi.withHandle(h -> h.createQuery("select 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        housekeeping.ifPresent(H2Housekeeping::close);
        dataSource.close();
    }

    /**
     * The embedded default: an H2 file database in PostgreSQL mode under the data directory. QUERY_CACHE_SIZE:
     * H2 keeps 8 parsed statements per connection by default and a journey uses more than that, so every
     * statement was parsed again (7 % of a journey's CPU in the profile). RETENTION_TIME: how long H2 keeps a
     * chunk it no longer needs before reusing its space; its 45 s default (with a commit per write request) kept
     * hundreds of MB of dead chunks under load. 1 s is far longer than the OS takes to hold a write a killed process
     * made (what the kill -9 tests check); power-loss ordering is PostgreSQL's job (docs/deploy.md).
     * AUTO_SERVER: the first process to open the file serves it on a loopback TCP port recorded in the lock file,
     * so the CLI (partner add, reviewer add, audit verify) works while the server runs instead of failing with
     * "file is locked"; the server itself still uses the file in-process.
     */
    public static String embeddedUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("akepa") +
                ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64"
                // Every acknowledged commit must survive kill -9: H2's default keeps the last 500 ms in memory (and
                // H2NewestChunk makes the newest commit findable by the recovery).
                + ";WRITE_DELAY=0;RETENTION_TIME=1000;AUTO_SERVER=TRUE";
    }
}
