package dev.akepa;

import dev.akepa.testsupport.Journeys;
import dev.akepa.testsupport.PostgresSchema;
import dev.akepa.testsupport.ServerProcess;
import dev.akepa.verification.screening.OfacSample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's commands as separate processes while a server process holds the database: on the embedded default
 * (SQLite's file, which both processes open, locking it per write) and on PostgreSQL when AKEPA_TEST_PG_URL is set.
 */
class CliWhileServingTest {
    @TempDir
    Path dir;

    private PostgresSchema schema;
    private ServerProcess server;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void startServer() throws IOException {
        schema = PostgresSchema.createIfConfigured();
        env.put("AKEPA_DATA_DIR", dir.resolve("data").toString());
        if (schema != null) env.put("AKEPA_DB_URL", schema.url());
        server = ServerProcess.start("server", env, dir);
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
        if (schema != null) schema.close();
    }

    record Run(int exitCode, String stdout, String stderr) {}

    private Run akepa(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "dev.akepa.App"));
        command.addAll(List.of(args));
        Path out = dir.resolve("cli.out");
        Path err = dir.resolve("cli.err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("AKEPA_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("akepa " + String.join(" ", args) + " did not finish in 60 s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void partnerAddedWhileTheServerRunsGetsATokenFromItAtOnce() throws Exception {
        Run added = akepa(env, "partner", "add", "--login", "acme", "--password", "acme-password");

        assertThat(added.exitCode()).as(added.stderr()).isZero();
        assertThat(added.stdout()).endsWith("partner 'acme' created\n");
        var token = server.client().post("/auth/get-token", "{\"user\":{\"login\":\"acme\",\"password\":\"acme-password\"}}");
        assertThat(token.status()).as(token.raw()).isEqualTo(200);
    }

    @Test
    void reviewerAddedWhileTheServerRunsCanLogIn() throws Exception {
        Run added = akepa(env, "reviewer", "add", "--login", "carol", "--password", "a long passphrase");

        assertThat(added.exitCode()).as(added.stderr()).isZero();
        assertThat(added.stdout()).endsWith("reviewer 'carol' created\n");
        assertThat(server.client().post("/review/auth/get-token",
                "{\"user\":{\"login\":\"carol\",\"password\":\"a long passphrase\"}}").status()).isEqualTo(200);
    }

    @Test
    void auditVerifyReadsTheTrailTheRunningServerWrites() throws Exception {
        Journeys journeys = new Journeys(server.demo());
        String customerId = journeys.initIndividual("Smith");
        journeys.identify(customerId);

        Run verified = akepa(env, "audit", "verify");

        assertThat(verified.exitCode()).as(verified.stderr()).isZero();
        assertThat(verified.stdout()).containsPattern("OK: \\d+ audit rows, seal [0-9a-f]{64}\n$");
    }

    @Test
    void sanctionsImportedWhileTheServerRunsIsAVersionTheServerListsAtOnce() throws Exception {
        Run imported = akepa(env, "sanctions", "import", OfacSample.directory().toString());

        assertThat(imported.exitCode()).as(imported.stderr()).isZero();
        Run status = akepa(env, "sanctions", "status");
        assertThat(status.exitCode()).as(status.stderr()).isZero();
        var versions = server.demo().get("/sanctions/lists").data().get("versions");
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).get("entries").asInt()).isPositive();
    }

    @Test
    void aCommandThatCannotReachItsDatabaseSaysWhyInOneLine() throws Exception {
        Map<String, String> unreachable = new HashMap<>(env);
        unreachable.put("AKEPA_DB_URL", "jdbc:postgresql://127.0.0.1:1/akepa?connectTimeout=2");

        Run failed = akepa(unreachable, "partner", "add", "--login", "acme", "--password", "acme-password");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.stderr()).startsWith("akepa: partner failed: ").contains("127.0.0.1:1").doesNotContain("\tat ");
        assertThat(failed.stderr().strip().lines()).hasSize(1);
    }
}
