package dev.akepa.api;

import dev.akepa.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs the Node client in clients/node, written from the API page and the rulings alone, against the real server:
 * if the server drifts from the page, a client built the way integrators build theirs breaks, and so does this test.
 */
class IndependentClientTest {
    private static final Path SCRIPT = Path.of("clients", "node", "page-workflows.mjs");
    private static final long TIMEOUT_SECONDS = 120;

    @Test
    void aClientWrittenFromThePageAloneRunsEveryWorkflowOfThePage() throws Exception {
        assertThat(SCRIPT).exists();
        Path output = Files.createTempFile("akepa-page-workflows-", ".log");
        try (TestServer server = TestServer.start()) {
            Process node = startNode(server.baseUrl(), output);
            boolean finished = node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
                node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            if (!finished) {
                fail("node did not finish within " + TIMEOUT_SECONDS + " s:\n" + printed);
            }
            assertThat(node.exitValue()).as("node's exit code; its output:\n%s", printed).isZero();
            assertThat(printed).as("node's summary line").containsPattern("(?m)^\\d+ passed, 0 failed$");
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static Process startNode(String baseUrl, Path output) {
        ProcessBuilder builder = new ProcessBuilder("node", SCRIPT.toString(), baseUrl, "demo", "demo-password")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        try {
            return builder.start();
        } catch (IOException e) {
            return fail("node (Node.js 20 or later) is needed on the PATH to run the independent client: " + e.getMessage());
        }
    }
}
