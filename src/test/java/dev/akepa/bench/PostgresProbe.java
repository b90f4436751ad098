package dev.akepa.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * bench/soak's view of one node on PostgreSQL, per one-minute window: the node's and the PostgreSQL backends' CPU per
 * journey (user + system from /proc, independent of how loaded the shared machine is), the database's size, the
 * transactions per journey and what pg_stat_user_tables says about sequential reads and dead tuples, so that a
 * statement or a bloat that grows with the tables shows as a rising figure per journey.
 *
 * The backends are those of the soak's database, autovacuum workers included; HikariCP replaces its connections
 * after 30 minutes, so a thread reads every backend's CPU once a second and a backend that exits keeps its last
 * reading (at most a second of one connection's work is lost). PostgreSQL's shared processes (WAL writer,
 * checkpointer) serve every database on the machine and are not counted, as in bench/pg-floor.
 *
 * This machine's PostgreSQL runs with autovacuum off (its CI configuration), unlike a production one; with
 * {@code emulateAutovacuum} a thread applies autovacuum's default rule to the soak's database once a
 * minute (autovacuum_naptime): VACUUM ANALYZE a table whose dead tuples exceed 50 + 20 % of its rows or whose inserts
 * since the last vacuum exceed 1,000 + 20 %, ANALYZE one whose changes since the last analyze exceed 50 + 10 %, with
 * autovacuum's cost delay (2 ms per 200 page costs). Its backend is one of the database's, so its CPU is counted.
 */
final class PostgresProbe implements AutoCloseable {
    private static final double TICKS_PER_MS = 100 / 1000.0; // CLK_TCK is 100 on Linux
    private final Connection connection;
    private final long nodePid;
    /** Latest CPU ticks seen for each backend of the database, kept after it exits. */
    private final Map<Long, Long> backendTicks = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean closed;

    private long windowStartNanos, nodeTicksAtStart, backendTicksAtStart;
    private Tables tablesAtStart;

    record Tables(long seqScan, long seqTupRead, long idxScan, long liveTup, long deadTup, long autovacuums,
                  long autoanalyzes, long commits, String topSequential) {}

    PostgresProbe(String jdbcUrl, long nodePid, boolean emulateAutovacuum) throws SQLException {
        this.connection = DriverManager.getConnection(jdbcUrl);
        if (emulateAutovacuum) {
            Connection vacuum = DriverManager.getConnection(jdbcUrl);
            vacuum.setAutoCommit(true);
            Thread.ofPlatform().daemon().name("pg-probe-autovacuum").start(() -> autovacuum(vacuum));
        }
        this.connection.setAutoCommit(true);
        this.nodePid = nodePid;
        this.poller = Thread.ofPlatform().daemon().name("pg-probe").start(this::poll);
    }

    private void autovacuum(Connection vacuum) {
        try (vacuum; Statement s = vacuum.createStatement()) {
            s.execute("set vacuum_cost_delay = '2ms'");
            s.execute("set vacuum_cost_limit = 200");
            while (!closed) {
                Thread.sleep(60_000);
                Map<String, String> due = new java.util.LinkedHashMap<>();
                try (ResultSet r = s.executeQuery("""
                        select t.relname, t.n_dead_tup, t.n_ins_since_vacuum, t.n_mod_since_analyze, greatest(c.reltuples, 0)
                        from pg_stat_user_tables t join pg_class c on c.oid = t.relid""")) {
                    while (r.next()) {
                        double rows = r.getDouble(5);
                        if (r.getLong(2) > 50 + 0.2 * rows || r.getLong(3) > 1000 + 0.2 * rows) {
                            due.put(r.getString(1), "vacuum (analyze) ");
                        } else if (r.getLong(4) > 50 + 0.1 * rows) {
                            due.put(r.getString(1), "analyze ");
                        }
                    }
                }
                for (var table : due.entrySet()) s.execute(table.getValue() + table.getKey());
            }
        } catch (SQLException | InterruptedException e) {
            if (!closed) System.err.println("pg-probe autovacuum stopped: " + e);
        }
    }

    private void poll() {
        try {
            while (!closed) {
                readBackends();
                Thread.sleep(1000);
            }
        } catch (SQLException | InterruptedException e) {
            if (!closed) System.err.println("pg-probe stopped: " + e);
        }
    }

    private synchronized void readBackends() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(
                "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()")) {
            while (r.next()) {
                long pid = r.getLong(1);
                long ticks = ticks(pid);
                if (ticks >= 0) backendTicks.merge(pid, ticks, Math::max);
            }
        }
    }

    /** user + system ticks of a process, or -1 once it has gone. */
    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of stat
        } catch (Exception e) {
            return -1;
        }
    }

    private long allBackendTicks() {
        return backendTicks.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Marks the start of a window (after the previous sample's full GC, which is not the journeys' work). */
    synchronized void startWindow() throws SQLException {
        readBackends();
        windowStartNanos = System.nanoTime();
        nodeTicksAtStart = ticks(nodePid);
        backendTicksAtStart = allBackendTicks();
        tablesAtStart = tables();
    }

    /** The figures of the window just ended, as key=value pairs for the sample line. */
    synchronized String endWindow(long journeys) throws SQLException {
        long nodeTicks = ticks(nodePid) - nodeTicksAtStart;
        readBackends();
        long pgTicks = allBackendTicks() - backendTicksAtStart;
        double seconds = (System.nanoTime() - windowStartNanos) / 1e9;
        Tables now = tables();
        Tables then = tablesAtStart;
        double perJourney = Math.max(journeys, 1);
        String load = Files.exists(Path.of("/proc/loadavg")) ? readLoad() : "?";
        return String.format(Locale.ROOT,
                "window_journeys=%d rate_per_s=%.1f node_cpu_ms_per_journey=%.3f pg_cpu_ms_per_journey=%.3f "
                        + "xact_per_journey=%.2f pg_db_mb=%.1f seq_scan=+%d seq_tup_read=+%d idx_scan_per_journey=%.1f "
                        + "live_tup=%d dead_tup=%d vacuums=%d analyzes=%d top_seq_read=%s load1=%s",
                journeys, journeys / seconds, nodeTicks / TICKS_PER_MS / perJourney, pgTicks / TICKS_PER_MS / perJourney,
                (now.commits - then.commits) / perJourney, databaseBytes() / 1e6, now.seqScan - then.seqScan,
                now.seqTupRead - then.seqTupRead, (now.idxScan - then.idxScan) / perJourney, now.liveTup, now.deadTup,
                now.autovacuums, now.autoanalyzes, now.topSequential, load);
    }

    private static String readLoad() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    private long databaseBytes() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("select pg_database_size(current_database())")) {
            r.next();
            return r.getLong(1);
        }
    }

    private Tables tables() throws SQLException {
        // statistics are sent by backends at the end of a transaction (and at most once a second): read them fresh
        try (Statement s = connection.createStatement()) {
            s.execute("select pg_stat_clear_snapshot()");
        }
        long seqScan = 0, seqTupRead = 0, idxScan = 0, live = 0, dead = 0, vacuums = 0, analyzes = 0;
        Map<String, Long> sequentialRows = new HashMap<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("""
                select relname, coalesce(seq_scan, 0), coalesce(seq_tup_read, 0), coalesce(idx_scan, 0),
                       n_live_tup, n_dead_tup, autovacuum_count + vacuum_count, autoanalyze_count + analyze_count
                from pg_stat_user_tables where relname <> 'flyway_schema_history'""")) {
            while (r.next()) {
                seqScan += r.getLong(2);
                seqTupRead += r.getLong(3);
                idxScan += r.getLong(4);
                live += r.getLong(5);
                dead += r.getLong(6);
                vacuums += r.getLong(7);
                analyzes += r.getLong(8);
                sequentialRows.put(r.getString(1), r.getLong(3));
            }
        }
        long commits;
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(
                "select xact_commit from pg_stat_database where datname = current_database()")) {
            r.next();
            commits = r.getLong(1);
        }
        String top = "-";
        if (tablesAtStart != null) {
            long most = 0;
            for (var e : sequentialRows.entrySet()) {
                long grew = e.getValue() - previousRows.getOrDefault(e.getKey(), 0L);
                if (grew > most) {
                    most = grew;
                    top = e.getKey() + ":" + grew;
                }
            }
        }
        previousRows = sequentialRows;
        return new Tables(seqScan, seqTupRead, idxScan, live, dead, vacuums, analyzes, commits, top);
    }

    private Map<String, Long> previousRows = Map.of();

    @Override
    public void close() throws SQLException {
        closed = true;
        poller.interrupt();
        synchronized (this) {
            connection.close();
        }
    }
}
