package dev.akepa.verification.screening;

import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.TestServer;
import org.jdbi.v3.core.Jdbi;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The sanctions figures of BENCHMARKS.md, in one run (bench/sanctions/run):
 * <ol>
 *   <li>one search over the full list, p50/p99 per name, in-process, beside a baseline that does what watchman
 *       describes (Jaro-Winkler of the query against every listed name), measured on the same names in the same
 *       run, interleaved;</li>
 *   <li>the same names through POST /screening/search on a real server (keep-alive client, one at a time);</li>
 *   <li>re-screening: names per second for BENCH_RESCREEN_CUSTOMERS customers seeded into the server's database
 *       (PostgreSQL when AKEPA_TEST_PG_URL is set), from the import of a new version to the last batch;</li>
 *   <li>the heap the index takes.</li>
 * </ol>
 * Nothing is asserted: the figures are printed. BENCH_PARTS (default "search,http,rescreen") picks the parts.
 * BENCH_RESCREEN_NAMES=distinct seeds made-up words (about as many distinct given and family words as customers/4)
 * instead of 50 × 50 ordinary names, so the per-index word cache is cold for most names: the rate's lower bound.
 */
public final class ScreeningBenchmark {
    private ScreeningBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rescreenCustomers = Integer.parseInt(System.getenv().getOrDefault("BENCH_RESCREEN_CUSTOMERS", "100000"));
        Path directory = OfacSample.directory();
        long heapBefore = usedHeapAfterGc();
        SanctionsList list = SanctionsList.load(directory);
        long heapAfter = usedHeapAfterGc();
        System.out.printf(Locale.ROOT, "index: %d entries, heap %.1f MB (list, names, vocabulary, postings)%n",
                list.size(), (heapAfter - heapBefore) / 1e6);

        String parts = System.getenv().getOrDefault("BENCH_PARTS", "search,http,rescreen");
        List<ScreeningQuery> queries = queries(list);
        if (parts.contains("search")) inProcess(list, new Baseline(list), queries);
        if (parts.contains("http")) overHttp(queries);
        if (parts.contains("rescreen")) rescreening(rescreenCustomers);
    }

    /** 1,000 ordinary names and 1,000 variations of listed names, shuffled. */
    private static List<ScreeningQuery> queries(SanctionsList list) {
        List<ScreeningQuery> ordinary = MatchingEvaluation.ordinaryPeople(list, MatchingEvaluation.GIVEN_B, MatchingEvaluation.FAMILY_B);
        List<MatchingEvaluation.Probe> probes = MatchingEvaluation.variations(list);
        Random random = new Random(1);
        List<ScreeningQuery> queries = new ArrayList<>();
        for (int i = 0; i < 1000; i++) queries.add(ordinary.get(random.nextInt(ordinary.size())));
        for (int i = 0; i < 1000; i++) queries.add(probes.get(random.nextInt(probes.size())).query());
        java.util.Collections.shuffle(queries, random);
        return queries;
    }

    /**
     * Each search timed by the wall clock and by the thread's own CPU time: on a loaded machine the wall-clock tail
     * is the run queue (the thread waiting for a core), the CPU-time tail is the search itself; the GC's collections
     * during the measured rounds are counted, to tell a pause from work.
     */
    private static void inProcess(SanctionsList list, Baseline baseline, List<ScreeningQuery> queries) {
        double threshold = SanctionsList.DEFAULT_THRESHOLD;
        int rounds = Integer.parseInt(System.getenv().getOrDefault("BENCH_SEARCH_ROUNDS", "5"));
        for (int warm = 0; warm < 3; warm++) {
            for (ScreeningQuery q : queries) list.screen(q, threshold);
            for (int i = 0; i < 200; i++) baseline.search(queries.get(i));
        }
        var threads = ManagementFactory.getThreadMXBean();
        long[] ours = new long[queries.size() * rounds];
        long[] oursCpu = new long[ours.length];
        long[] theirs = new long[queries.size() * rounds / 10 + 1];
        long[] theirsCpu = new long[theirs.length];
        int o = 0, t = 0;
        long gcCountStart = gcCount(), gcTimeStart = gcMillis();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < queries.size(); i++) {
                long cpu = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                list.screen(queries.get(i), threshold);
                ours[o] = System.nanoTime() - start;
                oursCpu[o++] = threads.getCurrentThreadCpuTime() - cpu;
                if (i % 10 == 0 && t < theirs.length) {
                    cpu = threads.getCurrentThreadCpuTime();
                    start = System.nanoTime();
                    baseline.search(queries.get(i));
                    theirs[t] = System.nanoTime() - start;
                    theirsCpu[t++] = threads.getCurrentThreadCpuTime() - cpu;
                }
            }
        }
        long gcs = gcCount() - gcCountStart, gcMs = gcMillis() - gcTimeStart;
        theirs = Arrays.copyOf(theirs, t);
        theirsCpu = Arrays.copyOf(theirsCpu, t);
        System.out.printf(Locale.ROOT, "in-process, one search over the full list (%d searches): wall p50 %.3f ms, p99 %.3f ms;"
                        + " thread CPU p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms%n",
                ours.length, pct(ours, 50), pct(ours, 99), pct(oursCpu, 50), pct(oursCpu, 99), pct(oursCpu, 99.9));
        System.out.printf(Locale.ROOT, "baseline, Jaro-Winkler against every listed name (%d searches): wall p50 %.3f ms, p99 %.3f ms;"
                        + " thread CPU p50 %.3f ms, p99 %.3f ms%n",
                theirs.length, pct(theirs, 50), pct(theirs, 99), pct(theirsCpu, 50), pct(theirsCpu, 99));
        System.out.printf(Locale.ROOT, "ratio baseline/ours: wall p50 %.0f×, p99 %.0f×; CPU p50 %.0f×, p99 %.0f×%n",
                pct(theirs, 50) / pct(ours, 50), pct(theirs, 99) / pct(ours, 99),
                pct(theirsCpu, 50) / pct(oursCpu, 50), pct(theirsCpu, 99) / pct(oursCpu, 99));
        System.out.printf(Locale.ROOT, "GC during the measured rounds: %d collections, %d ms in all; searches slower than 0.5 ms"
                        + " by the wall clock: %d of %d, by CPU time: %d%n",
                gcs, gcMs, Arrays.stream(ours).filter(n -> n > 500_000).count(), ours.length,
                Arrays.stream(oursCpu).filter(n -> n > 500_000).count());
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionCount())).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
    }

    private static void overHttp(List<ScreeningQuery> queries) throws Exception {
        try (TestServer server = TestServer.start(Map.of("AKEPA_MODE", "production",
                "AKEPA_SANCTIONS_DIR", OfacSample.directory().toString(), "AKEPA_RESCREEN_WORKER", "false"))) {
            ApiClient api = server.demo();
            List<String> bodies = queries.stream().map(q -> "{\"name\":\"" + q.names().getFirst().replace("\"", "") + "\"}").toList();
            for (String b : bodies) api.post("/screening/search", b);
            long[] times = new long[bodies.size() * 2];
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = os.getProcessCpuTime();
            long wallStart = System.nanoTime();
            int n = 0;
            for (int round = 0; round < 2; round++) {
                for (String b : bodies) {
                    long start = System.nanoTime();
                    api.post("/screening/search", b);
                    times[n++] = System.nanoTime() - start;
                }
            }
            double cpuPerOp = (os.getProcessCpuTime() - cpuStart) / 1e6 / n;
            double seconds = (System.nanoTime() - wallStart) / 1e9;
            System.out.printf(Locale.ROOT, "POST /screening/search (%d requests, one at a time, %s): p50 %.3f ms, p99 %.3f ms,"
                            + " %.0f requests/s, %.3f ms CPU per request (client and server share the process)%n",
                    n, System.getenv("AKEPA_TEST_PG_URL") == null ? "SQLite" : "PostgreSQL", pct(times, 50), pct(times, 99),
                    n / seconds, cpuPerOp);
        }
    }

    private static void rescreening(int customers) throws Exception {
        int journeyClients = Integer.parseInt(System.getenv().getOrDefault("BENCH_JOURNEY_CLIENTS", "2"));
        try (TestServer server = TestServer.start(Map.of("AKEPA_MODE", "production",
                "AKEPA_SANCTIONS_DIR", OfacSample.directory().toString(), "AKEPA_SANCTIONS_POLL", "200ms",
                "AKEPA_RESCREEN_BATCH", System.getenv().getOrDefault("BENCH_RESCREEN_BATCH", "1000")))) {
            Jdbi jdbi = server.app().database().jdbi();
            long seedStart = System.nanoTime();
            seed(jdbi, server.app().customers(), customers);
            System.out.printf(Locale.ROOT, "seeded %d customers, sealed under their own data keys, in %.1f s%n", customers,
                    (System.nanoTime() - seedStart) / 1e9);
            Path release = Files.createTempDirectory("akepa-bench-ofac-");
            for (String f : List.of("sdn.csv", "alt.csv", "add.csv")) Files.copy(OfacSample.directory().resolve(f), release.resolve(f));
            Files.writeString(release.resolve("cons_prim.csv"), "9001,\"BENCH TRADING\",-0- ,\"NS-PLC\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n");
            Files.writeString(release.resolve("cons_alt.csv"), "");
            Files.writeString(release.resolve("cons_add.csv"), "");
            JourneysBeside journeys = new JourneysBeside(server, journeyClients);
            journeys.start();
            Thread.sleep(3_000); // the journeys' first requests warm their paths before the clock starts
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = os.getProcessCpuTime();
            long rescreenCpuStart = rescreeningThreadsCpu();
            long journeysStart = journeys.done.get();
            long start = System.nanoTime();
            var importer = new dev.akepa.sanctions.ListImporter(new dev.akepa.sanctions.ListVersions(jdbi), java.time.Clock.systemUTC());
            long version = importer.importDirectory(release).version();
            long names = 0;
            long timeoutNanos = Long.parseLong(System.getenv().getOrDefault("BENCH_RESCREEN_TIMEOUT_S", "1200")) * 1_000_000_000L;
            long nextReport = start + 30_000_000_000L;
            while (true) {
                Thread.sleep(500);
                var progress = jdbi.withHandle(h -> h.createQuery("""
                                select (select batches from rescreen_run where list_version = :v),
                                       (select count(*) from rescreen_batch where list_version = :v and done_at is not null),
                                       (select coalesce(sum(names), 0) from rescreen_batch where list_version = :v)""")
                        .bind("v", version).map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).one());
                names = progress[2];
                if (progress[0] > 0 && progress[0] == progress[1]) break;
                if (System.nanoTime() > nextReport) {
                    nextReport += 30_000_000_000L;
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    System.out.printf(Locale.ROOT, "  ... %d names in %.0f s = %.0f names/s, %.3f ms re-screening CPU per name, load %s%n",
                            names, elapsed, names / elapsed, (rescreeningThreadsCpu() - rescreenCpuStart) / 1e6 / Math.max(1, names),
                            Files.readString(Path.of("/proc/loadavg")).strip());
                }
                if (System.nanoTime() - start > timeoutNanos) throw new IllegalStateException("re-screening took over the timeout");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long processCpu = os.getProcessCpuTime() - cpuStart;
            long rescreenCpu = rescreeningThreadsCpu() - rescreenCpuStart;
            long journeysDone = journeys.done.get() - journeysStart;
            journeys.stop();
            System.out.printf(Locale.ROOT, "re-screening on %s: %d names in %.1f s = %.0f names/s (from import to last batch,"
                            + " one node, data decrypted per customer, evidence row per name)%n",
                    System.getenv("AKEPA_TEST_PG_URL") == null ? "SQLite" : "PostgreSQL", names, seconds, names / seconds);
            System.out.printf(Locale.ROOT, "  CPU per name: %.3f ms in the re-screening threads (claim, read, decrypt, screen,"
                            + " evidence); %.3f ms of the whole process (journeys' server and client included)%n",
                    rescreenCpu / 1e6 / names, processCpu / 1e6 / names);
            System.out.printf(Locale.ROOT, "  beside it: %d journeys (init, identification, status; %d clients) = %.1f /s, %d failed%n",
                    journeysDone, journeyClients, journeysDone / seconds, journeys.failed.get());
            System.out.printf(Locale.ROOT, "  heap used after GC at the end: %.1f MB (index, word cache, server)%n",
                    usedHeapAfterGc() / 1e6);
        }
    }

    /** CPU time of the node's re-screening threads (batch workers and screeners), all of them. */
    private static long rescreeningThreadsCpu() {
        var threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null || !info.getThreadName().startsWith("sanctions-")) continue;
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) total += cpu;
        }
        return total;
    }

    /**
     * Production journeys beside the re-screening, back to back: /customer/init, /akepa/identification (which screens
     * the name), /akepa/status, each client on its own connection, until stopped.
     */
    private static final class JourneysBeside {
        private final TestServer server;
        private final int clients;
        private final java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong failed = new java.util.concurrent.atomic.AtomicLong();
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean running = true;

        JourneysBeside(TestServer server, int clients) {
            this.server = server;
            this.clients = clients;
        }

        void start() {
            for (int c = 0; c < clients; c++) {
                threads.add(Thread.ofPlatform().daemon().name("bench-journeys-" + c).start(() -> {
                    dev.akepa.testsupport.Journeys journeys = new dev.akepa.testsupport.Journeys(server.demo());
                    ApiClient api = server.demo();
                    while (running) {
                        try {
                            String customerId = journeys.initIndividual("Journey");
                            journeys.identify(customerId);
                            if (api.get("/akepa/status/" + customerId).status() != 200) throw new IllegalStateException("status");
                            done.incrementAndGet();
                        } catch (RuntimeException | AssertionError e) {
                            failed.incrementAndGet();
                        }
                    }
                }));
            }
        }

        void stop() throws InterruptedException {
            running = false;
            for (Thread t : threads) t.join(30_000);
        }
    }

    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ren", "sa", "tu", "vo", "bel", "dra", "fen", "gor",
            "hal", "jin", "kor", "lam", "nes", "pia", "quo", "rid", "sol", "tam", "ul", "ves", "wan", "yor", "zed"};

    /** A pronounceable word of three or four syllables, one per (number, salt): 26^3 = 17,576 of three, more of four. */
    private static String madeUpWord(int number, int salt) {
        long x = (number * 2654435761L + salt * 40503L) & 0x7fffffffL;
        StringBuilder word = new StringBuilder();
        int syllables = 3 + (int) (x % 2);
        for (int k = 0; k < syllables; k++) {
            word.append(SYLLABLES[(int) (x % SYLLABLES.length)]);
            x = x / SYLLABLES.length + number;
        }
        word.setCharAt(0, Character.toUpperCase(word.charAt(0)));
        return word.toString();
    }

    /**
     * Individual customers with ordinary names (and one in a hundred a listed one), stored as /customer/init stores
     * them: through the server's own CustomerRepository, each sealed under its own new data key. Batches of 1,000
     * on two threads.
     */
    private static void seed(Jdbi jdbi, dev.akepa.customer.CustomerRepository repository, int count) throws Exception {
        long partner = jdbi.withHandle(h -> h.createQuery("select id from partner where login = 'demo'").mapTo(Long.class).one());
        String[] given = MatchingEvaluation.GIVEN_B;
        String[] family = MatchingEvaluation.FAMILY_B;
        boolean distinct = "distinct".equals(System.getenv("BENCH_RESCREEN_NAMES"));
        long now = System.currentTimeMillis();
        int batch = 1000;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int from = 0; from < count; from += batch) {
            int first = from;
            int last = Math.min(count, from + batch);
            done.add(pool.submit(() -> jdbi.useTransaction(h -> {
                List<dev.akepa.customer.Customer> rows = new ArrayList<>(last - first);
                for (int i = first; i < last; i++) {
                    String firstName = i % 100 == 0 ? "Nicolas" : distinct ? madeUpWord(i, 1) : given[i % given.length];
                    String lastName = i % 100 == 0 ? "Maduro Moros"
                            : distinct ? madeUpWord(i / 4, 2) : family[(i / given.length) % family.length];
                    var data = dev.akepa.json.Json.MAPPER.readTree("""
                            {"firstName":"%s","lastName":"%s","dateOfBirth":"1980-01-01","citizenshipCountryCodeA3":"USA",
                             "addresses":[{"type":"PRIMARY","addressLine1":"1 Main St","city":"New York","stateCode":"NY",
                             "postalCode":"10001","countryCodeA3":"USA"}],"identificationDocuments":[]}""".formatted(firstName, lastName));
                    rows.add(new dev.akepa.customer.Customer(String.format("cstap_bench%015d", i), partner, "bench" + i,
                            dev.akepa.customer.Customer.CustomerType.INDIVIDUAL, data, now));
                }
                List<dev.akepa.customer.CustomerRepository.TaxId> noTaxIds = new ArrayList<>();
                for (int i = first; i < last; i++) noTaxIds.add(null);
                repository.insertAll(h, rows, noTaxIds);
            })));
        }
        for (var f : done) f.get();
        pool.shutdown();
    }

    /**
     * What watchman describes: every listed name (primary and aliases, all types) compared with the whole query by
     * Jaro-Winkler, the best ten kept. Names are normalised once, as ours are.
     */
    static final class Baseline {
        private final String[] names;

        Baseline(SanctionsList list) {
            List<String> all = new ArrayList<>();
            for (SdnEntry e : list.entries()) {
                all.add(String.join(" ", NameNormalizer.listedPerson(e.name()).tokens()));
                for (String alias : e.aliases()) all.add(String.join(" ", NameNormalizer.listedPerson(alias).tokens()));
            }
            names = all.toArray(String[]::new);
        }

        double[] search(ScreeningQuery query) {
            String q = String.join(" ", NameNormalizer.person(query.names().getFirst()));
            double[] best = new double[10];
            for (String name : names) {
                double score = JaroWinkler.similarity(q, name);
                if (score <= best[9]) continue;
                int at = 9;
                while (at > 0 && best[at - 1] < score) {
                    best[at] = best[at - 1];
                    at--;
                }
                best[at] = score;
            }
            return best;
        }
    }

    private static double pct(long[] nanos, double percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
