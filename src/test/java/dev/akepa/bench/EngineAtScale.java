package dev.akepa.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The embedded-engine comparison at scale (issue 17), one engine per process so that the process's RSS is the
 * engine's (bench/engines runs it with the server's JVM options, -Xmx112m and SerialGC, so H2's page cache lives in
 * the heap it has in production).
 * <ul>
 *   <li>{@code --engine h2|sqlite|pg --dir D [--pg-url U] [--rows N]}: loads the status read's rows (customer,
 *   application, entity, in key order, 10,000 per commit) to 10,000 applications and measures the status read with
 *   random ids (p50, p99, CPU per read), loads on to N and measures again, then closes the store and times opening it
 *   again with its first read: the part of the server's time to ready that the engine decides.</li>
 *   <li>{@code --crash h2|sqlite --dir D}: a child JVM runs journeys and prints each journey's number once its last
 *   commit has returned; after a few seconds it is killed with SIGKILL and the journeys it printed are looked up in
 *   the reopened store. A missing one is an acknowledged commit lost.</li>
 * </ul>
 */
final class EngineAtScale {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final int SMALL = 10_000;
    private static final int BATCH = 10_000;
    private static final int READS = 20_000;

    record Reads(double p50Micros, double p99Micros, double cpuMicros) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) o.put(args[i].substring(2), args[i + 1]);
        Path dir = Files.createDirectories(Path.of(o.get("dir")));
        if (o.containsKey("crash-child")) {
            crashChild(engine(o.get("crash-child"), dir, null));
        } else if (o.containsKey("crash")) {
            crash(o.get("crash"), dir);
        } else {
            scale(engine(o.get("engine"), dir, o.get("pg-url")), Integer.parseInt(o.getOrDefault("rows", "1000000")));
        }
    }

    private static EngineComparison.Engine engine(String name, Path dir, String pgUrl) throws Exception {
        return switch (name) {
            case "h2" -> new EngineComparison.H2(Files.createDirectories(dir.resolve("h2")));
            case "sqlite" -> new EngineComparison.Sqlite(Files.createDirectories(dir.resolve("sqlite")));
            case "pg" -> new EngineComparison.Postgres(pgUrl, "engine_scale");
            default -> throw new IllegalArgumentException("unknown engine " + name);
        };
    }

    private static void scale(EngineComparison.Engine e, int rows) throws Exception {
        long loadStart = System.nanoTime();
        Connection c = e.open();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String ddl : EngineComparison.SCHEMA) s.execute(ddl);
        }
        c.commit();
        load(c, 0, SMALL);
        c = settled(e, c);
        Reads small = reads(e, c, SMALL);
        load(c, SMALL, rows);
        c = settled(e, c);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        Reads large = reads(e, c, rows);
        c.close();
        long openStart = System.nanoTime();
        Connection again = e.reopen();
        again.setAutoCommit(false);
        EngineComparison.status(e, again, SMALL / 2);
        double reopenMillis = (System.nanoTime() - openStart) / 1e6;
        long bytes = e.bytes(again);
        again.close();
        System.out.printf(Locale.ROOT, "| %s | %,d | %.0f / %.0f | %.1f | %.0f / %.0f | %.1f | %.2f × | %.0f | %,.0f MB | %.0f / %.0f MB | %.0f s |%n",
                e.name(), rows, small.p50Micros(), small.p99Micros(), small.cpuMicros(), large.p50Micros(), large.p99Micros(),
                large.cpuMicros(), large.p99Micros() / small.p99Micros(), reopenMillis, bytes / 1e6,
                status("VmRSS"), status("VmHWM"), loadSeconds);
    }

    /** After a bulk load, what an operator's data dir looks like after a while: H2 compacted, PostgreSQL analysed. */
    private static Connection settled(EngineComparison.Engine e, Connection c) throws SQLException {
        switch (e) {
            case EngineComparison.H2 h2 -> {
                try (Statement s = c.createStatement()) {
                    s.execute("shutdown compact");
                }
                Connection reopened = e.reopen();
                reopened.setAutoCommit(false);
                return reopened;
            }
            case EngineComparison.Sqlite sqlite -> {
                try (Statement s = c.createStatement()) {
                    c.setAutoCommit(true);
                    s.execute("pragma wal_checkpoint(truncate)");
                    c.setAutoCommit(false);
                }
                return c;
            }
            case EngineComparison.Postgres pg -> {
                try (Statement s = c.createStatement()) {
                    s.execute("analyze");
                }
                c.commit();
                return c;
            }
        }
    }

    private static void load(Connection c, int from, int to) throws SQLException {
        try (PreparedStatement customer = c.prepareStatement("insert into customer (id, partner_id, reference, customer_type, "
                + "tax_id_hash, body, created_at) values (?, 1, ?, 'individual', null, ?, 0)");
             PreparedStatement application = c.prepareStatement("insert into application (id, partner_id, customer_id, status, "
                     + "outcome, webhook_url, version, created_at, updated_at) values (?, 1, ?, 'completed', 'approved', null, 2, 0, 0)");
             PreparedStatement entity = c.prepareStatement("insert into entity_application (application_id, entity_id, position, "
                     + "is_customer, kind, status, outcome, updated_at) values (?, ?, 0, true, 'INDIVIDUAL', 'completed', 'approved', 0)")) {
            for (int n = from; n < to; n++) {
                String id = "cstap_" + n, app = "iapp_" + n;
                customer.setString(1, id);
                customer.setString(2, "ref" + n);
                customer.setString(3, "{\"sealed\":\"" + "x".repeat(400) + "\"}");
                customer.addBatch();
                application.setString(1, app);
                application.setString(2, id);
                application.addBatch();
                entity.setString(1, app);
                entity.setString(2, id);
                entity.addBatch();
                if ((n + 1 - from) % BATCH == 0 || n + 1 == to) {
                    customer.executeBatch();
                    application.executeBatch();
                    entity.executeBatch();
                    c.commit();
                }
            }
        }
    }

    private static Reads reads(EngineComparison.Engine e, Connection c, int rows) throws Exception {
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < READS / 4; i++) EngineComparison.status(e, c, random.nextInt(rows));
        long[] nanos = new long[READS];
        long cpu0 = OS.getProcessCpuTime() + e.serverCpuNanos(c);
        for (int i = 0; i < READS; i++) {
            long t = System.nanoTime();
            EngineComparison.status(e, c, random.nextInt(rows));
            nanos[i] = System.nanoTime() - t;
        }
        long cpu = OS.getProcessCpuTime() + e.serverCpuNanos(c) - cpu0;
        Arrays.sort(nanos);
        return new Reads(nanos[READS / 2] / 1e3, nanos[READS * 99 / 100] / 1e3, cpu / 1e3 / READS);
    }

    private static double status(String field) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        }
        return 0;
    }

    /** Parent: starts the child, kills it mid-run, checks what the child saw committed. */
    private static void crash(String engineName, Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx112m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                EngineAtScale.class.getName(), "--dir", dir.toString(), "--crash-child", engineName)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Long> acknowledged = new ArrayList<>();
        long killAt = System.nanoTime() + 4_000_000_000L;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals("ready")) killAt = System.nanoTime() + 4_000_000_000L;
                else acknowledged.add(Long.parseLong(line));
                if (System.nanoTime() > killAt) {
                    child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
                    break;
                }
            }
        }
        child.waitFor();
        EngineComparison.Engine e = engine(engineName, dir, null);
        int lost = 0;
        try (Connection c = e.reopen(); PreparedStatement s = c.prepareStatement(
                "select count(*) from application where id = ? and status = 'completed'")) {
            for (long n : acknowledged) {
                s.setString(1, "iapp_" + n);
                try (var rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) != 1) {
                        lost++;
                        System.err.println("lost: journey " + n + " of " + acknowledged.size() + " acknowledged");
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "| %s | %,d journeys acknowledged before SIGKILL | %d lost |%n", e.name(), acknowledged.size(), lost);
    }

    /** Child: journeys back to back, each acknowledged on stdout after its last commit returned. */
    private static void crashChild(EngineComparison.Engine e) throws Exception {
        Connection c = e.open();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String ddl : EngineComparison.SCHEMA) s.execute(ddl);
            for (int k = 0; k < 16; k++) s.execute("insert into audit_chain_head values ('s" + k + "', " + k + ", '" + "0".repeat(64) + "')");
        }
        c.commit();
        System.out.println("ready");
        System.out.flush();
        for (long n = 0; ; n++) {
            EngineComparison.journey(e, c, n);
            System.out.println(n);
            System.out.flush();
        }
    }
}
