package dev.akepa.multinode;

import dev.akepa.App;
import dev.akepa.Config;
import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.Fixtures;
import dev.akepa.testsupport.PostgresSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Several nodes deployed at once on an empty PostgreSQL schema: Flyway's lock lets one of them migrate while the
 * others wait, and every node then serves. Three Apps in this JVM are three nodes to PostgreSQL: each has its own
 * pool, so its own sessions and advisory locks.
 */
class ConcurrentStartTest {
    private static final int NODES = 3;

    @TempDir
    Path dataDirs;

    @Test
    void threeNodesStartingAtOnceOnAnEmptySchemaMigrateItOnceAndAllServe() throws Exception {
        assumeTrue(PostgresSchema.configured(),
                "several nodes need PostgreSQL: set AKEPA_TEST_PG_URL (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres)");
        try (PostgresSchema schema = PostgresSchema.create()) {
            String url = schema.url();
            // started inside the schema's block, so they are stopped before it is dropped
            List<App> nodes = startTogether(url);
            try {
                ApiClient first = ApiClient.to(baseUrl(nodes.get(0))).login("demo", "demo-password");
                for (App node : nodes) {
                    ApiClient sameToken = ApiClient.to(baseUrl(node)).withToken(first.token());
                    assertThat(sameToken.get("/health/ready").status()).isEqualTo(200);
                    assertThat(sameToken.post("/customer/init", Fixtures.individual("Smith")).status()).isEqualTo(200);
                }
                try (var c = DriverManager.getConnection(url); var s = c.createStatement()) {
                    var history = s.executeQuery("""
                            select version, count(*) as runs, bool_and(success) as ok from flyway_schema_history
                            where version is not null group by version order by version""");
                    List<String> applied = new ArrayList<>();
                    while (history.next()) {
                        assertThat(history.getInt("runs")).as("runs of migration %s", history.getString("version")).isEqualTo(1);
                        assertThat(history.getBoolean("ok")).isTrue();
                        applied.add(history.getString("version"));
                    }
                    assertThat(applied).containsExactlyInAnyOrderElementsOf(migrationVersions());
                    var partners = s.executeQuery("select count(*) from partner where login = 'demo'");
                    partners.next();
                    assertThat(partners.getInt(1)).isEqualTo(1);
                }
            } finally {
                nodes.forEach(App::close);
            }
        }
    }

    private List<App> startTogether(String url) throws Exception {
        CyclicBarrier together = new CyclicBarrier(NODES);
        List<Future<App>> starting = new ArrayList<>();
        // Nodes of one installation share the master key (a node with another one refuses to start).
        String masterKey = java.util.Base64.getEncoder().encodeToString(new java.security.SecureRandom().generateSeed(32));
        try (ExecutorService threads = Executors.newFixedThreadPool(NODES)) {
            for (int i = 0; i < NODES; i++) {
                Map<String, String> env = new HashMap<>();
                env.put("AKEPA_DATA_DIR", Files.createDirectories(dataDirs.resolve("node" + i)).toString());
                env.put("AKEPA_HOST", "127.0.0.1");
                env.put("AKEPA_PORT", "0");
                env.put("AKEPA_DB_URL", url);
                env.put("AKEPA_DB_POOL_SIZE", "4");
                env.put("AKEPA_PARTNERS", "demo:demo-password");
                env.put("AKEPA_MASTER_KEY", masterKey);
                starting.add(threads.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return App.start(Config.fromEnvironment(env));
                }));
            }
        }
        List<App> started = new ArrayList<>();
        Exception failure = null;
        for (Future<App> f : starting) {
            try {
                started.add(f.get());
            } catch (Exception e) {
                if (failure == null) failure = e;
            }
        }
        if (failure != null) {
            started.forEach(App::close);
            throw failure;
        }
        return started;
    }

    private static String baseUrl(App node) {
        return "http://127.0.0.1:" + node.port();
    }

    /** V1, V2… from the migration files on the class path. */
    private static List<String> migrationVersions() throws URISyntaxException, java.io.IOException {
        Path dir = Path.of(ConcurrentStartTest.class.getResource("/db/migration").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("V\\d+(_\\d+)*__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__")).replace('_', '.'))
                    .toList();
        }
    }
}
