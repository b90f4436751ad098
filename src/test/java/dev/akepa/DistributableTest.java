package dev.akepa;

import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.Journeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * `./akepa dist`'s tarball, built by dist/build from the packaged jars (so this runs in the integration-test
 * phase), unpacked into a temp dir and started with a PATH that has neither java nor mvn: a journey, then SIGTERM.
 * Its systemd unit passes {@code systemd-analyze verify} where that exists. Prints size and start time.
 */
class DistributableTest {
    private static final Pattern LISTENING = Pattern.compile("Akepa listening on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    @Test
    void tarballUnpacksAndServesAJourneyWithoutJavaOrMavenOnThePath() throws Exception {
        if (!Files.isRegularFile(Path.of("target", "akepa.jar"))) {
            fail("DistributableTest needs the packaged jar: it runs in `./akepa test` (mvn verify), after package");
        }
        Run build = run(List.of("bash", "dist/build"), Map.of("JAVA_HOME", javaHome()), Path.of("").toAbsolutePath(), 600);
        assertThat(build.exitCode()).as(build.output()).isZero();
        Path tarball;
        try (Stream<Path> files = Files.list(Path.of("target", "dist"))) {
            tarball = files.filter(p -> p.getFileName().toString().matches("akepa-.+-linux-x64\\.tar\\.gz")).findFirst().orElseThrow();
        }
        assertThat(run(List.of("tar", "-xzf", tarball.toAbsolutePath().toString(), "-C", dir.toString()), Map.of(), dir, 120).exitCode()).isZero();
        Path home;
        try (Stream<Path> unpacked = Files.list(dir)) {
            home = unpacked.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        assertThat(home.resolve("bin/akepa")).isExecutable();
        assertThat(home.resolve("runtime/bin/java")).isExecutable();
        assertThat(home.resolve("LICENSE")).exists();
        assertNoticeListsEveryJar(home);

        Path tools = toolsWithoutJava();
        Path data = Files.createDirectories(dir.resolve("data"));
        Path log = dir.resolve("server.log");
        ProcessBuilder serve = new ProcessBuilder(home.resolve("bin/akepa").toString(), "serve")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        serve.environment().clear();
        serve.environment().putAll(Map.of("PATH", tools.toString(), "AKEPA_DATA_DIR", data.toString(),
                "AKEPA_HOST", "127.0.0.1", "AKEPA_PORT", "0", "HOME", dir.toString()));
        long started = System.nanoTime();
        Process server = serve.start();
        try {
            String baseUrl = awaitListening(server, log);
            long startMillis = (System.nanoTime() - started) / 1_000_000;
            ApiClient api = ApiClient.to(baseUrl).login("demo", "demo-password");
            Journeys journey = new Journeys(api);
            String customerId = journey.initIndividual("Smith");
            journey.identify(customerId);
            journey.attachLicence(customerId, customerId);
            assertThat(journey.kycStatus(customerId)).isEqualTo("APPROVED");
            System.out.printf("distributable: %s, %d KiB; start to listening %d ms%n", tarball.getFileName(),
                    Files.size(tarball) / 1024, startMillis);
        } finally {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) server.destroyForcibly();
        }
        assertThat(server.exitValue()).as(Files.readString(log)).isIn(0, 143);
        assertThat(Files.readString(log)).doesNotContain("Exception");
    }

    @Test
    void systemdUnitPassesSystemdAnalyzeVerify() throws Exception {
        if (run(List.of("bash", "-c", "command -v systemd-analyze"), Map.of(), dir, 30).exitCode() != 0) {
            System.out.println("systemd-analyze is not installed: the unit file was not verified");
            return;
        }
        // the unit as shipped, with its paths pointed at files that exist here
        Path launcher = Files.writeString(dir.resolve("akepa"), "#!/bin/sh\n");
        launcher.toFile().setExecutable(true);
        Path env = Files.writeString(dir.resolve("akepa.env"), "AKEPA_MODE=production\n");
        String unit = Files.readString(Path.of("dist", "akepa.service"))
                .replace("/opt/akepa/bin/akepa", launcher.toString())
                .replace("/etc/akepa/akepa.env", env.toString());
        Path copy = Files.writeString(dir.resolve("akepa.service"), unit);
        Run verify = run(List.of("systemd-analyze", "verify", copy.toString()), Map.of(), dir, 60);
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).doesNotContain("akepa.service:");
    }

    /** Every jar of lib/ is named in NOTICE (by file name without its version). */
    private static void assertNoticeListsEveryJar(Path home) throws IOException {
        String notice = Files.readString(home.resolve("NOTICE"));
        try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
            for (String name : jars.map(p -> p.getFileName().toString()).filter(n -> !n.equals("akepa.jar")).toList()) {
                String artifact = name.replaceFirst("-\\d[\\w.]*(-[\\w.]+)?\\.jar$", "");
                assertThat(notice).as("NOTICE names " + name).containsPattern("[ ,]" + Pattern.quote(artifact) + "[ ,\\n]");
            }
        }
    }

    /** A directory of symlinks to the few tools the launcher uses, and nothing else: no java, no mvn. */
    private Path toolsWithoutJava() throws Exception {
        Path tools = Files.createDirectories(dir.resolve("tools"));
        for (String tool : List.of("sh", "dirname")) {
            Path real = Stream.of("/bin/", "/usr/bin/").map(p -> Path.of(p + tool)).filter(Files::isExecutable).findFirst().orElseThrow();
            Files.createSymbolicLink(tools.resolve(tool), real);
        }
        Run java = run(List.of(tools.resolve("sh").toString(), "-c", "command -v java || command -v mvn"), Map.of("PATH", tools.toString()), dir, 30);
        assertThat(java.exitCode()).as("java or mvn on the test PATH: " + java.output()).isNotZero();
        return tools;
    }

    private static String awaitListening(Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) fail("the distributable's server exited: " + Files.readString(log));
            Matcher m = LISTENING.matcher(Files.readString(log));
            if (m.find()) return "http://127.0.0.1:" + m.group(1);
            Thread.sleep(50);
        }
        return fail("the distributable's server did not listen within 90 s: " + Files.readString(log));
    }

    record Run(int exitCode, String output) {}

    private static Run run(List<String> command, Map<String, String> env, Path workDir, long timeoutSeconds) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        var output = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command + " did not finish within " + timeoutSeconds + " s");
        }
        return new Run(process.exitValue(), output.join());
    }

    private static String javaHome() {
        return System.getProperty("java.home");
    }
}
