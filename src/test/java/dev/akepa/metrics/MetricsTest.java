package dev.akepa.metrics;

import dev.akepa.json.Json;
import dev.akepa.testsupport.ApiResponse;
import dev.akepa.testsupport.ServerExtension;
import dev.akepa.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.akepa.testsupport.JsonMatch.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

/** /metrics: bounded labels, histogram buckets, the JVM, pool and queue meters, the optional scrape token. */
class MetricsTest {
    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private static final List<String> STANDARD_METHODS =
            List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Pattern METER_NAME = Pattern.compile("\\b(akepa|jvm|process|hikaricp)_[a-z_]+");
    private static final String TOKEN_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-.^_`|~";
    private static final String PATH_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-._~";

    /** Issue 11: invented method names and paths must not add series (66,000 of them once filled the heap). */
    @Test
    void randomMethodsAndPathsLeaveMetricsTheSameSize() {
        RawRequests raw = new RawRequests(running.server().app().port());
        Random random = new Random(11);
        // every kind of request once, so each series the random ones can reach exists before the first scrape
        for (String method : methodKinds(random)) {
            for (String path : pathKinds(random)) raw.send(method, path);
        }
        List<String> before = series(scrape());

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            List<String> methods = methodKinds(random);
            List<String> paths = pathKinds(random);
            statuses.add(raw.send(methods.get(random.nextInt(methods.size())), paths.get(random.nextInt(paths.size()))));
        }
        List<String> after = series(scrape());

        assertThat(statuses).as("every request was answered").doesNotContain(-1);
        assertThat(after).containsExactlyElementsOf(before);
        assertThat(after).filteredOn(s -> s.startsWith("akepa_http_requests_seconds_count"))
                .allMatch(s -> s.contains("route=\"unmatched\"") || s.contains("route=\"/"))
                .noneMatch(s -> s.contains("zz-"));
    }

    @Test
    void httpTimingsAreHistogramsWithBuckets() {
        running.server().client().get("/health/live");
        String metrics = scrape();
        assertThat(metrics)
                .contains("# TYPE akepa_http_requests_seconds histogram")
                .contains("akepa_http_requests_seconds_bucket{method=\"GET\",route=\"/health/live\",status=\"200\",le=\"0.005\"}")
                .contains("akepa_http_requests_seconds_bucket{method=\"GET\",route=\"/health/live\",status=\"200\",le=\"+Inf\"}")
                .contains("# TYPE akepa_webhook_lag_seconds histogram")
                .contains("akepa_webhook_lag_seconds_bucket{le=\"30.0\"}");
    }

    @Test
    void routeTemplatesNotPathsLabelTheRequests() {
        running.api().get("/akepa/status/no-such-customer-123");
        assertThat(scrape())
                .contains("akepa_http_requests_seconds_count{method=\"GET\",route=\"/akepa/status/{customerId}\",status=\"400\"}")
                .doesNotContain("no-such-customer-123");
    }

    @Test
    void jvmProcessPoolAndQueueAreMeasured() throws Exception {
        Set<String> names = names(scrapeAfterAGc());
        assertThat(names).contains(
                "jvm_memory_used_bytes", "jvm_gc_pause_seconds_count", "jvm_threads_live_threads",
                "jvm_classes_loaded_classes", "process_cpu_usage", "process_cpu_time_ns_total",
                "process_files_open_files", "process_files_max_files", "process_uptime_seconds",
                "hikaricp_connections_active", "hikaricp_connections_idle", "hikaricp_connections_pending",
                "hikaricp_connections_max", "hikaricp_connections_acquire_seconds_count",
                "akepa_verification_queue_depth", "akepa_verification_queue_oldest_age_seconds",
                "akepa_webhook_queue_depth");
        assertThat(scrape()).contains("akepa_verification_queue_depth 0.0")
                .contains("akepa_verification_queue_oldest_age_seconds 0.0");
    }

    @Test
    void theGrafanaDashboardUsesOnlyMetersTheServerExports() throws Exception {
        running.server().client().get("/health/live");
        JsonNode dashboard = Json.MAPPER.readTree(Files.readString(Path.of("docs/grafana-dashboard.json")));
        Set<String> used = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                Matcher m = METER_NAME.matcher(target.get("expr").asString());
                while (m.find()) used.add(m.group());
            }
        }
        assertThat(used).hasSizeGreaterThan(15);
        assertThat(names(scrapeAfterAGc())).containsAll(used);
    }

    @Test
    void aMetricsTokenProtectsTheScrape() throws Exception {
        try (TestServer server = TestServer.start(Map.of("AKEPA_METRICS_TOKEN", "scrape-token-4c1f"))) {
            assertJson(server.client().get("/metrics"), 401, """
                    {"requestId":"{{requestId}}","code":"unauthorized","message":"Authentication error"}""");
            assertThat(scrapeStatus(server.baseUrl(), "Bearer wrong-token")).isEqualTo(401);
            assertThat(scrapeStatus(server.baseUrl(), "Basic c2NyYXBlLXRva2VuLTRjMWY=")).isEqualTo(401);
            assertThat(scrapeStatus(server.baseUrl(), "Bearer scrape-token-4c1f")).isEqualTo(200);
            assertThat(server.client().get("/health/live").status()).as("only /metrics is guarded").isEqualTo(200);
        }
    }

    private static List<String> methodKinds(Random random) {
        List<String> kinds = new ArrayList<>(STANDARD_METHODS);
        kinds.add(randomString(random, TOKEN_CHARS, 1 + random.nextInt(16)));
        kinds.add("Q" + String.format("%07d", random.nextInt(10_000_000)));
        return kinds;
    }

    private static List<String> pathKinds(Random random) {
        String id = randomString(random, PATH_CHARS, 1 + random.nextInt(40));
        StringBuilder deep = new StringBuilder("/zz-");
        for (int i = random.nextInt(5); i >= 0; i--) deep.append(randomString(random, PATH_CHARS, 1 + random.nextInt(20))).append('/');
        return List.of(
                "/zz-" + id,
                deep + "?" + randomString(random, PATH_CHARS, random.nextInt(30)),
                "/akepa/status/zz-" + id,
                "/customer/status/zz-" + id);
    }

    private static String randomString(Random random, String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return s.toString();
    }

    /**
     * A scrape after at least one GC pause was recorded: the GC meters appear with the first pause after the
     * registry was made, which a short test may not have had.
     */
    private static String scrapeAfterAGc() throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            String scrape = scrape();
            if (scrape.contains("jvm_gc_pause_seconds_count")) return scrape;
            System.gc();
            Thread.sleep(100);
        }
        throw new AssertionError("no GC pause was recorded within 5 s of System.gc()");
    }

    private static String scrape() {
        ApiResponse r = running.server().client().get("/metrics");
        assertThat(r.status()).isEqualTo(200);
        return r.raw();
    }

    private static int scrapeStatus(String baseUrl, String authorization) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/metrics")).header("Authorization", authorization).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    /**
     * Every series of a scrape (its name and labels, not its value), sorted. GC meters are left out: their
     * labels name the collector's cause and action, which the JVM adds as its own work changes.
     */
    private static List<String> series(String scrape) {
        return Arrays.stream(scrape.split("\n"))
                .filter(line -> !line.startsWith("#") && !line.isBlank() && !line.startsWith("jvm_gc_"))
                .map(line -> line.substring(0, line.lastIndexOf(' ')))
                .sorted().toList();
    }

    private static Set<String> names(String scrape) {
        return Arrays.stream(scrape.split("\n"))
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
