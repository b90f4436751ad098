package dev.akepa.clients;

import dev.akepa.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs the Java client's own test suite (clients/java, a separate Maven module on Java 17) against a real server
 * started here — on PostgreSQL too when the suite runs there — so `./akepa test` and CI run it with the rest.
 */
class JavaClientTest {
    private static final Path MODULE = Path.of("clients", "java");
    private static final long TIMEOUT_SECONDS = 600;
    private static final Pattern COUNTS = Pattern.compile("<testsuite [^>]*?tests=\"(\\d+)\"[^>]*?errors=\"(\\d+)\"[^>]*?skipped=\"(\\d+)\"[^>]*?failures=\"(\\d+)\"");

    @Test
    void theClientsTestsRunEveryWorkflowOfThePageAgainstARealServer() throws Exception {
        Path output = Files.createTempFile("akepa-java-client-", ".log");
        try (TestServer server = TestServer.start()) {
            Process maven = new ProcessBuilder("mvn", "-B", "-q", "-Dstyle.color=never", "-f", MODULE.resolve("pom.xml").toString(),
                    "test", "-Dakepa.url=" + server.baseUrl(), "-Dakepa.login=demo", "-Dakepa.password=demo-password")
                    .redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            if (!maven.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                maven.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail("the client's tests did not finish within %d s:%n%s", TIMEOUT_SECONDS, Files.readString(output));
            }
            assertThat(maven.exitValue()).as("mvn test in clients/java; its output:%n%s", Files.readString(output)).isZero();
        } catch (IOException e) {
            fail("mvn (Maven) must be on the PATH to run the Java client's tests: " + e.getMessage());
        } finally {
            Files.deleteIfExists(output);
        }
        int[] totals = reportTotals();
        assertThat(totals[0]).as("client tests run").isGreaterThanOrEqualTo(12);
        assertThat(totals[1] + totals[3]).as("client tests failed").isZero();
        assertThat(totals[2]).as("client tests skipped").isZero();
    }

    @Test
    void theClientIsVersionedWithTheServer() throws IOException {
        assertThat(projectVersion(MODULE.resolve("pom.xml"))).isEqualTo(projectVersion(Path.of("pom.xml")));
    }

    @Test
    void theReadmeShowsTheExampleTheClientsTestsRunUnchanged() throws IOException {
        String test = Files.readString(MODULE.resolve("src/test/java/dev/akepa/client/ReadmeExampleTest.java"));
        String block = test.substring(test.indexOf("// readme:start\n") + "// readme:start\n".length(), test.indexOf("        // readme:end"));
        String unindented = block.lines().map(l -> l.startsWith("        ") ? l.substring(8) : l)
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        assertThat(Files.readString(Path.of("README.md"))).contains(unindented);
    }

    private static int[] reportTotals() throws IOException {
        int[] totals = new int[4];
        List<Path> reports;
        try (Stream<Path> files = Files.list(MODULE.resolve("target/surefire-reports"))) {
            reports = files.filter(p -> p.getFileName().toString().startsWith("TEST-")).toList();
        }
        for (Path report : reports) {
            Matcher m = COUNTS.matcher(Files.readString(report));
            if (!m.find()) fail("no counts in " + report);
            for (int i = 0; i < 4; i++) totals[i] += Integer.parseInt(m.group(i + 1));
        }
        return totals;
    }

    private static String projectVersion(Path pom) throws IOException {
        Matcher m = Pattern.compile("</artifactId>\\s*<version>([^<]+)</version>").matcher(Files.readString(pom));
        if (!m.find()) fail("no project version in " + pom);
        return m.group(1);
    }
}
