package dev.akepa.multinode;

import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.ListeningSockets;
import dev.akepa.testsupport.PostgresSchema;
import dev.akepa.testsupport.S3MockServer;
import dev.akepa.testsupport.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two real Akepa server processes on one PostgreSQL schema and one S3 bucket, driven through 200 complete journeys
 * whose requests alternate between the nodes. Afterwards the database and the bucket must hold exactly what the
 * journeys did: one application per customer in its expected state with one stored change per step, every
 * background verification job claimed (so run) exactly once and none left queued, and every uploaded document's
 * bytes in the bucket. The nodes are stopped at the end, also when something failed.
 */
class MultiNodeTest {
    private static final int JOURNEYS = 200;
    private static final int CLIENTS = 8;
    private static final long RUN_LIMIT_SECONDS = 90;
    private static final String BUCKET = "akepa-multinode";

    @TempDir
    Path workDir;

    @Test
    void twoNodesOnOneDatabaseAndBucketFinish200AlternatingJourneysExactlyOnce() throws Exception {
        assumeTrue(PostgresSchema.configured(), "MultiNodeTest needs PostgreSQL: set AKEPA_TEST_PG_URL "
                + "(e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres); .ci/run sets it");
        List<ServerProcess> nodes = new ArrayList<>();
        try (PostgresSchema schema = PostgresSchema.create(); S3MockServer s3 = new S3MockServer().start()) {
            String dbUrl = schema.url();
            try {
                nodes.addAll(startNodes(nodeEnvironment(dbUrl, s3)));
                recordJobClaims(dbUrl);
                long began = System.nanoTime();
                List<AlternatingJourney.Outcome> outcomes = runJourneys(nodes);
                System.out.printf("MultiNodeTest: %d journeys over 2 nodes in %d ms%n", JOURNEYS,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));

                checkDatabase(dbUrl, outcomes);
                checkBucket(dbUrl, s3, outcomes);
                for (ServerProcess node : nodes) checkNode(node);
            } catch (Exception | AssertionError e) {
                for (ServerProcess node : nodes) System.err.println(node.logTail(40));
                throw e;
            } finally {
                nodes.forEach(ServerProcess::close);
            }
        }
    }

    /** Nodes of one installation share the master key (a node with another one refuses to start). */
    private static final String MASTER_KEY =
            java.util.Base64.getEncoder().encodeToString(new java.security.SecureRandom().generateSeed(32));

    private static Map<String, String> nodeEnvironment(String dbUrl, S3MockServer s3) {
        Map<String, String> env = new HashMap<>();
        env.put("AKEPA_PARTNERS", "demo:demo-password");
        env.put("AKEPA_MASTER_KEY", MASTER_KEY);
        env.put("AKEPA_DB_URL", dbUrl);
        env.put("AKEPA_DB_POOL_SIZE", "8");
        env.put("AKEPA_STORAGE", "s3");
        env.put("AKEPA_S3_BUCKET", BUCKET);
        env.put("AKEPA_S3_ENDPOINT", s3.endpoint().toString());
        env.put("AKEPA_S3_REGION", S3MockServer.REGION);
        env.put("AKEPA_S3_PATH_STYLE", "true");
        env.put("AKEPA_S3_ACCESS_KEY", "akepa-test");
        env.put("AKEPA_S3_SECRET_KEY", "akepa-test-secret");
        // both nodes start together and both may create the bucket
        env.put("AKEPA_S3_CREATE_BUCKET", "true");
        // both workers poll often, so both compete for every queued verification
        env.put("AKEPA_VERIFICATION_POLL", "50ms");
        return env;
    }

    private List<ServerProcess> startNodes(Map<String, String> env) throws Exception {
        List<Callable<ServerProcess>> starts = List.of(
                () -> ServerProcess.start("node-a", env, workDir),
                () -> ServerProcess.start("node-b", env, workDir));
        List<ServerProcess> started = new ArrayList<>();
        Exception failure = null;
        try (ExecutorService together = Executors.newFixedThreadPool(starts.size())) {
            for (Future<ServerProcess> f : together.invokeAll(starts)) {
                try {
                    started.add(f.get());
                } catch (ExecutionException e) {
                    if (failure == null) failure = (Exception) e.getCause();
                }
            }
        }
        if (failure != null) {
            started.forEach(ServerProcess::close);
            throw failure;
        }
        return started;
    }

    private List<AlternatingJourney.Outcome> runJourneys(List<ServerProcess> nodes) throws Exception {
        // the token comes from node A; node B knows it from the database
        ApiClient a = ApiClient.to(nodes.get(0).baseUrl()).login("demo", "demo-password");
        List<ApiClient> clients = List.of(a, ApiClient.to(nodes.get(1).baseUrl()).withToken(a.token()));
        List<Callable<AlternatingJourney.Outcome>> journeys = new ArrayList<>();
        for (int i = 0; i < JOURNEYS; i++) {
            AlternatingJourney journey = new AlternatingJourney(i, JourneyKind.MIX[i % JourneyKind.MIX.length], clients);
            journeys.add(journey::run);
        }
        List<AlternatingJourney.Outcome> outcomes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
            for (Future<AlternatingJourney.Outcome> f : pool.invokeAll(journeys, RUN_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                if (f.isCancelled()) {
                    failures.add("not finished within " + RUN_LIMIT_SECONDS + " s");
                    continue;
                }
                try {
                    outcomes.add(f.get());
                } catch (ExecutionException e) {
                    failures.add(String.valueOf(e.getCause().getMessage()));
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + JOURNEYS + " journeys failed; first ones:\n"
                    + String.join("\n", failures.subList(0, Math.min(5, failures.size()))));
        }
        return outcomes;
    }

    /**
     * A trigger, in the test's own schema, records every claim of a verification job (a worker raising its attempts
     * counter). A job is run only by the worker that claimed it, so one claim per job means it ran once.
     */
    private static void recordJobClaims(String dbUrl) throws SQLException {
        try (Connection db = DriverManager.getConnection(dbUrl); var s = db.createStatement()) {
            // qualified, as the trigger runs in the nodes' sessions
            String claims = db.getSchema() + ".test_job_claim";
            s.execute("create table " + claims + " (application_id varchar(40) not null, attempts integer not null)");
            s.execute("""
                    create function test_record_job_claim() returns trigger language plpgsql as $$
                    begin
                      insert into %s (application_id, attempts) values (new.application_id, new.attempts);
                      return new;
                    end $$""".formatted(claims));
            s.execute("""
                    create trigger test_job_claimed after update on verification_job for each row
                    when (new.attempts > old.attempts) execute function test_record_job_claim()""");
        }
    }

    private static void checkDatabase(String dbUrl, List<AlternatingJourney.Outcome> outcomes) throws SQLException {
        try (Connection db = DriverManager.getConnection(dbUrl)) {
            assertThat(count(db, "select count(*) from customer")).isEqualTo(JOURNEYS);
            assertThat(count(db, "select count(*) from application")).isEqualTo(JOURNEYS);
            assertThat(count(db, "select count(*) from verification_job")).as("verification work left queued").isZero();
            List<String> asyncApplications = new ArrayList<>();
            var applicationOf = db.prepareStatement("select id from application where customer_id = ?");
            for (AlternatingJourney.Outcome o : outcomes) {
                if (!o.kind().async) continue;
                applicationOf.setString(1, o.customerId());
                try (var row = applicationOf.executeQuery()) {
                    row.next();
                    asyncApplications.add(row.getString(1));
                }
            }
            List<String> claimed = new ArrayList<>();
            try (var s = db.createStatement(); var row = s.executeQuery("select application_id from test_job_claim")) {
                while (row.next()) claimed.add(row.getString(1));
            }
            assertThat(claimed).as("claims of background verification jobs: each job exactly once")
                    .containsExactlyInAnyOrderElementsOf(asyncApplications);
            var query = db.prepareStatement("select status, outcome, version from application where customer_id = ?");
            for (AlternatingJourney.Outcome o : outcomes) {
                query.setString(1, o.customerId());
                try (var row = query.executeQuery()) {
                    assertThat(row.next()).as("application of journey %d", o.number()).isTrue();
                    assertThat(row.getString("status")).isEqualTo("completed");
                    assertThat(row.getString("outcome")).isEqualTo(o.kind().outcome);
                    assertThat(row.getInt("version")).as("stored changes of journey %d (%s)", o.number(), o.kind())
                            .isEqualTo(o.kind().changes);
                    assertThat(row.next()).as("second application of journey %d", o.number()).isFalse();
                }
            }
        }
    }

    /** Every uploaded document is stored once, its row has the SHA-256 of what was sent, and the bucket holds no plaintext. */
    private static void checkBucket(String dbUrl, S3MockServer s3, List<AlternatingJourney.Outcome> outcomes)
            throws SQLException, IOException, InterruptedException {
        Map<String, String> expected = new HashMap<>();
        outcomes.forEach(o -> expected.putAll(o.sha256ByDocument()));
        assertThat(expected).hasSize(2 * JOURNEYS);
        try (Connection db = DriverManager.getConnection(dbUrl);
             HttpClient http = HttpClient.newHttpClient()) {
            assertThat(count(db, "select count(*) from document where upload_status")).isEqualTo(2 * JOURNEYS);
            var query = db.prepareStatement("select storage_key, sha256 from document where id = ?");
            for (var document : expected.entrySet()) {
                query.setString(1, document.getKey());
                try (var row = query.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString("sha256")).isEqualTo(document.getValue());
                    HttpResponse<byte[]> stored = http.send(HttpRequest.newBuilder(
                            URI.create(s3.endpoint() + "/" + BUCKET + "/" + row.getString("storage_key"))).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    assertThat(stored.statusCode()).as("object of document %s", document.getKey()).isEqualTo(200);
                    // The bucket holds ciphertext only (streaming AEAD); DocumentStoreContract reads it back whole.
                    assertThat(AlternatingJourney.sha256(stored.body())).as("bytes of document %s", document.getKey())
                            .isNotEqualTo(document.getValue());
                }
            }
            String listing = http.send(HttpRequest.newBuilder(
                    URI.create(s3.endpoint() + "/" + BUCKET + "?list-type=2&max-keys=1000")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher keys = Pattern.compile("<Key>").matcher(listing);
            assertThat(keys.results().count()).as("objects in the bucket").isEqualTo(2L * JOURNEYS);
        }
    }

    /** Nothing went wrong inside the node, and it listens on loopback only. */
    private static void checkNode(ServerProcess node) {
        assertThat(node.logLines()).as(node + " logged errors or warnings")
                .noneMatch(line -> line.contains(" ERROR ") || line.contains(" WARN "));
        if (ListeningSockets.supported()) {
            assertThat(ListeningSockets.of(node.pid())).as(node + " listens on")
                    .isNotEmpty()
                    .allSatisfy(address -> assertThat(address.getAddress().isLoopbackAddress()).as("%s", address).isTrue());
        }
    }

    private static int count(Connection db, String sql) throws SQLException {
        try (var s = db.createStatement(); var row = s.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }
}
