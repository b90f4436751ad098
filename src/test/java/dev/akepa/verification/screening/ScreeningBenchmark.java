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

    private static void inProcess(SanctionsList list, Baseline baseline, List<ScreeningQuery> queries) {
        double threshold = SanctionsList.DEFAULT_THRESHOLD;
        for (int warm = 0; warm < 3; warm++) {
            for (ScreeningQuery q : queries) list.screen(q, threshold);
            for (int i = 0; i < 200; i++) baseline.search(queries.get(i));
        }
        long[] ours = new long[queries.size() * 3];
        long[] theirs = new long[600];
        int o = 0, t = 0;
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < queries.size(); i++) {
                long start = System.nanoTime();
                list.screen(queries.get(i), threshold);
                ours[o++] = System.nanoTime() - start;
                if (i % 10 == 0 && t < theirs.length) {
                    start = System.nanoTime();
                    baseline.search(queries.get(i));
                    theirs[t++] = System.nanoTime() - start;
                }
            }
        }
        theirs = Arrays.copyOf(theirs, t);
        System.out.printf(Locale.ROOT, "in-process, one search over the full list (%d names): p50 %.3f ms, p99 %.3f ms%n",
                ours.length, pct(ours, 50), pct(ours, 99));
        System.out.printf(Locale.ROOT, "baseline, Jaro-Winkler against every listed name (%d names): p50 %.3f ms, p99 %.3f ms%n",
                theirs.length, pct(theirs, 50), pct(theirs, 99));
        System.out.printf(Locale.ROOT, "ratio baseline/ours: p50 %.0f×, p99 %.0f×%n", pct(theirs, 50) / pct(ours, 50),
                pct(theirs, 99) / pct(ours, 99));
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
                    n, System.getenv("AKEPA_TEST_PG_URL") == null ? "H2" : "PostgreSQL", pct(times, 50), pct(times, 99),
                    n / seconds, cpuPerOp);
        }
    }

    private static void rescreening(int customers) throws Exception {
        try (TestServer server = TestServer.start(Map.of("AKEPA_MODE", "production",
                "AKEPA_SANCTIONS_DIR", OfacSample.directory().toString(), "AKEPA_SANCTIONS_POLL", "200ms",
                "AKEPA_RESCREEN_BATCH", "1000"))) {
            Jdbi jdbi = server.app().database().jdbi();
            long seedStart = System.nanoTime();
            seed(jdbi, customers);
            System.out.printf(Locale.ROOT, "seeded %d customers in %.1f s%n", customers, (System.nanoTime() - seedStart) / 1e9);
            Path release = Files.createTempDirectory("akepa-bench-ofac-");
            for (String f : List.of("sdn.csv", "alt.csv", "add.csv")) Files.copy(OfacSample.directory().resolve(f), release.resolve(f));
            Files.writeString(release.resolve("cons_prim.csv"), "9001,\"BENCH TRADING\",-0- ,\"NS-PLC\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n");
            Files.writeString(release.resolve("cons_alt.csv"), "");
            Files.writeString(release.resolve("cons_add.csv"), "");
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            var importer = new dev.akepa.sanctions.ListImporter(new dev.akepa.sanctions.ListVersions(jdbi), java.time.Clock.systemUTC());
            long version = importer.importDirectory(release).version();
            long names = 0;
            while (true) {
                Thread.sleep(500);
                var progress = jdbi.withHandle(h -> h.createQuery("""
                                select (select batches from rescreen_run where list_version = :v),
                                       (select count(*) from rescreen_batch where list_version = :v and done_at is not null),
                                       (select coalesce(sum(names), 0) from rescreen_batch where list_version = :v)""")
                        .bind("v", version).map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).one());
                names = progress[2];
                if (progress[0] > 0 && progress[0] == progress[1]) break;
                if (System.nanoTime() - start > 1_200_000_000_000L) throw new IllegalStateException("re-screening took over 20 min");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "re-screening on %s: %d names in %.1f s = %.0f names/s (from import to last batch,"
                            + " one node, evidence row per name), %.2f ms CPU per name%n",
                    System.getenv("AKEPA_TEST_PG_URL") == null ? "H2" : "PostgreSQL", names, seconds, names / seconds,
                    (os.getProcessCpuTime() - cpuStart) / 1e6 / names);
        }
    }

    /** Individual customers with ordinary names (and one in a hundred a listed one), as /customer/init stores them. */
    private static void seed(Jdbi jdbi, int count) {
        long partner = jdbi.withHandle(h -> h.createQuery("select id from partner where login = 'demo'").mapTo(Long.class).one());
        String[] given = MatchingEvaluation.GIVEN_B;
        String[] family = MatchingEvaluation.FAMILY_B;
        long now = System.currentTimeMillis();
        jdbi.useHandle(h -> {
            var batch = h.prepareBatch("""
                    insert into customer (id, partner_id, reference, customer_type, tax_id_hash, body, created_at)
                    values (:id, :partner, :ref, 'individual', null, :body, :at)""");
            for (int i = 0; i < count; i++) {
                String first = i % 100 == 0 ? "Nicolas" : given[i % given.length];
                String last = i % 100 == 0 ? "Maduro Moros" : family[(i / given.length) % family.length];
                String body = """
                        {"firstName":"%s","lastName":"%s","dateOfBirth":"1980-01-01","citizenshipCountryCodeA3":"USA",
                         "addresses":[{"type":"PRIMARY","addressLine1":"1 Main St","city":"New York","stateCode":"NY",
                         "postalCode":"10001","countryCodeA3":"USA"}],"identificationDocuments":[]}""".formatted(first, last);
                batch.bind("id", String.format("cstap_bench%015d", i)).bind("partner", partner)
                        .bind("ref", "bench" + i).bind("body", body).bind("at", now).add();
                if ((i + 1) % 5000 == 0 || i + 1 == count) {
                    batch.execute();
                    batch = h.prepareBatch("""
                            insert into customer (id, partner_id, reference, customer_type, tax_id_hash, body, created_at)
                            values (:id, :partner, :ref, 'individual', null, :body, :at)""");
                }
            }
        });
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

    private static double pct(long[] nanos, int percentile) {
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
