package dev.akepa.bench;

import dev.akepa.kyc.ApplicationChange;
import dev.akepa.kyc.ApplicationView;
import dev.akepa.keys.KeyRing;
import dev.akepa.keys.KeysConfig;
import dev.akepa.keys.PersonalData;
import dev.akepa.store.Database;
import dev.akepa.store.DatabaseConfig;
import dev.akepa.webhook.WebhookConfig;
import dev.akepa.webhook.Webhooks;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.jdbi.v3.core.Jdbi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The webhook benchmark's driver (bench/webhooks runs it): the real outbox, dispatcher and HTTP sender on a real
 * database, delivering to a loopback receiver.
 * <ol>
 *   <li><b>lag</b>: application changes at a fixed rate, each in its own transaction as the kyc service makes them
 *   (lock the application row, update it, queue the callback); lag is from the commit to the callback's arrival.</li>
 *   <li><b>drain</b>: a backlog queued while no dispatcher runs, then one dispatcher started: deliveries per second
 *   until the receiver has them all.</li>
 * </ol>
 * Prints {@code key=value} lines. Settings are system properties: bench.db (JDBC URL; default an H2 file database in
 * a temp dir, as the embedded default), bench.rates (changes/s, comma-separated: one lag phase each), bench.seconds,
 * bench.warmup, bench.apps, bench.drain, bench.drainApps, bench.concurrency, bench.pool, bench.jfr (a directory:
 * one JFR recording per phase), bench.sqliteSettings (appended to the SQLite URL, e.g. "?synchronous=NORMAL").
 */
public final class WebhookBenchmark {
    private static final int GENERATORS = 64;
    private static final Duration DELIVERY_LIMIT = Duration.ofSeconds(120);

    private final Jdbi jdbi;
    private final long partnerId;
    private final WebhookConfig config;
    private final Path jfrDir;
    private final PersonalData keys;

    private WebhookBenchmark(Jdbi jdbi, WebhookConfig config, Path jfrDir, PersonalData keys) {
        this.jdbi = jdbi;
        this.keys = keys;
        this.config = config;
        this.jfrDir = jfrDir;
        this.partnerId = jdbi.withHandle(h -> {
            h.createUpdate("insert into partner (login, password_hash, created_at) values ('bench', 'x', 0)").execute();
            return h.createQuery("select id from partner where login = 'bench'").mapTo(Long.class).one();
        });
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("akepa-webhook-bench-");
        String pgUrl = System.getProperty("bench.db");
        String schema = pgUrl == null ? null : "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        DatabaseConfig db = pgUrl == null
                ? new DatabaseConfig(Database.embeddedUrl(work) + System.getProperty("bench.sqliteSettings", ""), null, null,
                        intProperty("bench.pool", 16))
                : new DatabaseConfig(withSchema(pgUrl, schema), null, null, intProperty("bench.pool", 16));
        if (schema != null) execute(pgUrl, "create schema " + schema);
        WebhookConfig config = new WebhookConfig(true, Duration.ofSeconds(10), List.of(Duration.ofSeconds(5)),
                Duration.ofHours(24), intProperty("bench.concurrency", 64), Duration.ofSeconds(1));
        String jfr = System.getProperty("bench.jfr");
        try (Database database = Database.open(db)) {
            System.out.println("engine=" + (pgUrl == null ? "h2" : "postgresql"));
            System.out.println("cpus=" + Runtime.getRuntime().availableProcessors());
            System.out.println("concurrency=" + config.concurrency());
            System.out.println("pool=" + db.poolSize());
            WebhookBenchmark bench = new WebhookBenchmark(database.jdbi(), config, jfr == null ? null : Path.of(jfr),
                    KeyRing.open(database.jdbi(), new KeysConfig(null, work.resolve("master.key")), Clock.systemUTC()).personalData());
            for (String rate : System.getProperty("bench.rates", "1000").split(",")) {
                bench.lag(Integer.parseInt(rate.trim()), intProperty("bench.seconds", 20), intProperty("bench.warmup", 5),
                        intProperty("bench.apps", 2000));
            }
            bench.drain(intProperty("bench.drain", 20000), intProperty("bench.drainApps", 5000));
        } finally {
            if (schema != null) execute(pgUrl, "drop schema " + schema + " cascade");
            try (var files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Changes at {@code rate}/s spread over {@code apps} applications; lag of those after the warm-up. */
    private void lag(int rate, int seconds, int warmup, int appCount) throws Exception {
        List<String> apps = applications("lag" + rate + "_", appCount);
        int total = rate * (warmup + seconds);
        int measuredFrom = rate * warmup;
        AtomicLongArray committed = new AtomicLongArray(total);
        long[] transactionNanos = new long[total];
        try (CountingReceiver receiver = new CountingReceiver(total);
             Webhooks webhooks = new Webhooks(jdbi, new SimpleMeterRegistry(), Clock.systemUTC(), config, keys)) {
            webhooks.start();
            String url = receiver.url("/lag");
            Recording recording = null;
            AtomicInteger next = new AtomicInteger();
            long start = System.nanoTime() + 100_000_000;
            double interval = 1e9 / rate;
            try (ExecutorService generators = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int g = 0; g < GENERATORS; g++) {
                    generators.execute(() -> {
                        for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                            long due = start + (long) (i * interval);
                            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                                LockSupport.parkNanos(wait);
                            }
                            long began = System.nanoTime();
                            change(webhooks, apps.get(i % apps.size()), url, i, committed);
                            transactionNanos[i] = System.nanoTime() - began;
                        }
                    });
                }
                Thread.sleep(Duration.ofNanos((long) (measuredFrom * interval)).plusMillis(100));
                recording = startRecording();
            }
            long generatedIn = lastOf(committed) - start;
            awaitDistinct(receiver, total);
            stopRecording(recording, "lag-" + rate);

            long[] lags = new long[total - measuredFrom];
            int missing = 0;
            for (int i = measuredFrom; i < total; i++) {
                long arrived = receiver.arrivedNanos(i);
                if (arrived == 0) missing++;
                lags[i - measuredFrom] = arrived == 0 ? Long.MAX_VALUE : Math.max(0, arrived - committed.get(i));
            }
            Arrays.sort(lags);
            long[] tx = Arrays.copyOfRange(transactionNanos, measuredFrom, total);
            Arrays.sort(tx);
            print("lag." + rate + ".rate_target", rate);
            print("lag." + rate + ".rate_achieved", String.format(Locale.ROOT, "%.0f", total / (generatedIn / 1e9)));
            print("lag." + rate + ".measured", lags.length);
            print("lag." + rate + ".missing", missing);
            print("lag." + rate + ".p50_ms", millis(percentile(lags, 0.50)));
            print("lag." + rate + ".p90_ms", millis(percentile(lags, 0.90)));
            print("lag." + rate + ".p99_ms", millis(percentile(lags, 0.99)));
            print("lag." + rate + ".max_ms", millis(lags[lags.length - 1]));
            print("lag." + rate + ".change_tx_p50_ms", millis(percentile(tx, 0.50)));
            print("lag." + rate + ".change_tx_p99_ms", millis(percentile(tx, 0.99)));
            print("lag." + rate + ".requests", receiver.requests());
        }
    }

    /** {@code total} callbacks over {@code appCount} applications queued first, then delivered by one dispatcher. */
    private void drain(int total, int appCount) throws Exception {
        List<String> apps = applications("drain", appCount);
        try (CountingReceiver receiver = new CountingReceiver(total);
             Webhooks webhooks = new Webhooks(jdbi, new SimpleMeterRegistry(), Clock.systemUTC(), config, keys)) {
            String url = receiver.url("/drain");
            long queueStart = System.nanoTime();
            int batch = 200;
            for (int from = 0; from < total; from += batch) {
                int to = Math.min(total, from + batch);
                int first = from;
                jdbi.useTransaction(h -> {
                    for (int i = first; i < to; i++) {
                        webhooks.listener().onChange(h, change(apps.get(i % apps.size()), url, i));
                    }
                });
            }
            long queuedIn = System.nanoTime() - queueStart;
            Recording recording = startRecording();
            long start = System.nanoTime();
            webhooks.start();
            awaitDistinct(receiver, total);
            long deliveredIn = System.nanoTime() - start;
            stopRecording(recording, "drain");
            print("drain.callbacks", total);
            print("drain.applications", appCount);
            print("drain.queue_per_second", String.format(Locale.ROOT, "%.0f", total / (queuedIn / 1e9)));
            print("drain.seconds", String.format(Locale.ROOT, "%.2f", deliveredIn / 1e9));
            print("drain.per_second", String.format(Locale.ROOT, "%.0f", receiver.distinct() / (deliveredIn / 1e9)));
            print("drain.missing", total - receiver.distinct());
            print("drain.requests", receiver.requests());
        }
    }

    /** One change as the kyc service commits it: the application row locked and updated, the callback queued. */
    private void change(Webhooks webhooks, String applicationId, String url, int n, AtomicLongArray committed) {
        jdbi.useTransaction(h -> {
            h.createQuery("select id from application where id = :id for update").bind("id", applicationId)
                    .mapTo(String.class).one();
            h.createUpdate("update application set status = :status, updated_at = :now where id = :id")
                    .bind("status", "b" + n).bind("now", System.currentTimeMillis()).bind("id", applicationId)
                    .execute();
            h.afterCommit(() -> committed.set(n, System.nanoTime())); // before the listener's wake-up
            webhooks.listener().onChange(h, change(applicationId, url, n));
        });
    }

    private ApplicationChange change(String applicationId, String url, int n) {
        String customerId = "cstap_" + applicationId.substring(5);
        ApplicationView view = new ApplicationView(applicationId, "bench", customerId, "b" + n, null,
                List.of(new ApplicationView.EntityView(customerId, true, "b" + n, null)));
        return new ApplicationChange(partnerId, "ref" + applicationId.substring(5), url, null, view, "system",
                "verification", "", System.currentTimeMillis());
    }

    private List<String> applications(String prefix, int count) {
        List<String> ids = new ArrayList<>(count);
        jdbi.useTransaction(h -> {
            var customers = h.prepareBatch("""
                    insert into customer (id, partner_id, reference, customer_type, body, created_at)
                    values (:id, :partner, :ref, 'individual', '{}', 0)""");
            var applications = h.prepareBatch("""
                    insert into application (id, partner_id, customer_id, status, version, created_at, updated_at)
                    values (:id, :partner, :customer, 'pending', 1, 0, 0)""");
            for (int i = 0; i < count; i++) {
                String name = prefix + i;
                customers.bind("id", "cstap_" + name).bind("partner", partnerId).bind("ref", "ref" + name).add();
                applications.bind("id", "iapp_" + name).bind("partner", partnerId).bind("customer", "cstap_" + name).add();
                ids.add("iapp_" + name);
            }
            customers.execute();
            applications.execute();
        });
        return ids;
    }

    private static void awaitDistinct(CountingReceiver receiver, int total) throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERY_LIMIT.toNanos();
        while (receiver.distinct() < total && System.nanoTime() < deadline) Thread.sleep(5);
    }

    private Recording startRecording() throws Exception {
        if (jfrDir == null) return null;
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.start();
        return recording;
    }

    private void stopRecording(Recording recording, String phase) throws Exception {
        if (recording == null) return;
        recording.stop();
        Files.createDirectories(jfrDir);
        recording.dump(jfrDir.resolve(phase + ".jfr"));
        recording.close();
    }

    private static long lastOf(AtomicLongArray values) {
        long last = 0;
        for (int i = 0; i < values.length(); i++) last = Math.max(last, values.get(i));
        return last;
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String millis(long nanos) {
        return nanos == Long.MAX_VALUE ? "inf" : String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    private static void print(String key, Object value) {
        System.out.println(key + "=" + value);
    }

    private static int intProperty(String name, int fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static String withSchema(String url, String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void execute(String url, String sql) throws Exception {
        try (var c = DriverManager.getConnection(url); var s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
