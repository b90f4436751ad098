package dev.akepa;

import dev.akepa.testsupport.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The README's curl journey, taken from README.md as it is written and run with bash against the real server,
 * so the README cannot drift from what works. Needs bash, curl and jq (Debian: apt-get install curl jq).
 */
class ReadmeJourneyTest {
    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    record Run(int exitCode, List<String> out, String err) {}

    @Test
    void journeyBlockRunsAsWrittenAndApproves() throws Exception {
        Run run = runBlock(Map.of());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).hasSize(5);
        assertThat(run.out().getFirst()).matches("customer cstap_\\w+");
        assertThat(run.out().subList(1, 5)).containsExactly("pending_step_up", "completed", "completed Approved", "APPROVED");
    }

    @Test
    void runAgainWithTheTipsVariableItIsANewCustomerWaitingForReview() throws Exception {
        Run first = runBlock(Map.of());
        Run waiting = runBlock(Map.of("LAST_NAME", "WaitReview"));
        assertThat(waiting.exitCode()).as(waiting.err()).isZero();
        assertThat(waiting.out().getFirst()).isNotEqualTo(first.out().getFirst());
        assertThat(waiting.out().subList(1, 5))
                .containsExactly("pending_step_up", "waiting_review", "waiting_review -", "WAITING_REVIEW");
    }

    @Test
    void aFailingStepStopsTheBlockAndShowsTheErrorEnvelope() throws Exception {
        Run run = runBlock(Map.of("BASE", running.server().baseUrl() + "/no-such-prefix"));
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("failed: " + running.server().baseUrl() + "/no-such-prefix/auth/get-token -> {")
                .contains("\"code\":\"notFound\"");
    }

    /** The first bash block under "A sandbox journey with curl". */
    static String journeyBlock() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("## A sandbox journey with curl");
        assertThat(section).as("README section").isNotNegative();
        int start = readme.indexOf("```bash\n", section) + "```bash\n".length();
        return readme.substring(start, readme.indexOf("\n```", start));
    }

    private static Run runBlock(Map<String, String> env) throws Exception {
        for (String tool : List.of("curl", "jq")) {
            if (new ProcessBuilder("bash", "-c", "command -v " + tool).start().waitFor() != 0) {
                fail("the README journey test needs " + tool + " on the PATH (Debian: apt-get install " + tool + ")");
            }
        }
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", journeyBlock());
        builder.environment().put("BASE", running.server().baseUrl());
        builder.environment().putAll(env);
        Path err = Files.createTempFile("readme-journey", ".err");
        builder.redirectError(err.toFile());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the README journey did not finish within 60 s");
        }
        String errors = Files.readString(err);
        Files.delete(err);
        return new Run(process.exitValue(), out.lines().toList(), errors);
    }
}
