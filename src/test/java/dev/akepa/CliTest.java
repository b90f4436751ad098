package dev.akepa;

import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's command line against a running server's database: help, errors, passwords, accounts. */
class CliTest {
    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    record Run(int exitCode, String out, String err) {}

    private static Run piped(String stdin, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Cli.Io io = new Cli.Io(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null);
        int code = Cli.run(args, running.server().env(), io);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run akepa(String... args) throws Exception {
        return piped("", args);
    }

    @Test
    void everyCommandAnswersHelpWithoutDoingAnything() throws Exception {
        for (List<String> command : List.of(List.of("--help"), List.of("help"), List.of("serve", "--help"),
                List.of("partner", "--help"), List.of("partner", "add", "--help"), List.of("reviewer", "list", "--help"),
                List.of("audit", "--help"), List.of("audit", "verify", "--help"))) {
            Run run = akepa(command.toArray(String[]::new));
            assertThat(run.exitCode()).as(command.toString()).isZero();
            assertThat(run.out()).as(command.toString()).startsWith("usage: akepa");
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void mistakesGetOneLineNamingTheMistakeAndExitCode2() throws Exception {
        assertError(akepa("frobnicate"), "akepa: unknown command: frobnicate (akepa --help lists the commands)");
        assertError(akepa("partner", "ad"), "akepa: unknown partner subcommand: ad (add, list or remove)");
        assertError(akepa("reviewer", "remove"), "akepa: unknown reviewer subcommand: remove (add, list or disable)");
        assertError(akepa("partner", "add", "--login", "x", "--pasword", "p"), "akepa: unknown option for partner add: --pasword");
        assertError(akepa("partner", "add", "--login"), "akepa: --login needs a value");
        assertError(akepa("partner", "add", "--password", "p"), "akepa: --login L is required");
        assertError(akepa("audit"), "akepa: audit needs a subcommand: verify");
        assertError(akepa("serve", "--port", "1"), "akepa: serve takes no arguments, got: --port");
    }

    @Test
    void eachErrorMessageStatesOneRule() throws Exception {
        assertError(akepa("partner", "add", "--login", "a".repeat(37), "--password", "p"), "akepa: login must be 1-36 characters");
        assertError(akepa("partner", "add", "--login", "bad-login", "--password", "p"),
                "akepa: login may contain only letters, digits and _");
        assertError(akepa("partner", "add", "--login", "ok", "--password", "p".repeat(51)),
                "akepa: partner password must be at most 50 characters");
        assertError(akepa("reviewer", "add", "--login", "ok", "--password", "short"),
                "akepa: reviewer password must be at least 12 characters");
        assertError(akepa("partner", "add", "--login", "ok", "--password", "p", "--password-stdin"),
                "akepa: give --password or --password-stdin, not both");
    }

    @Test
    void passwordStdinCreatesAPartnerThatCanLogInAndWithoutATerminalThereIsNoPrompt() throws Exception {
        Run created = piped("piped-secret-1\n", "partner", "add", "--login", "piped", "--password-stdin");
        assertThat(created).isEqualTo(new Run(0, "partner 'piped' created\n", ""));
        running.server().client().login("piped", "piped-secret-1");

        assertError(akepa("partner", "add", "--login", "piped"),
                "akepa: no password given: pass --password-stdin and pipe it in (not on a terminal here)");
        assertError(piped("", "partner", "add", "--login", "piped", "--password-stdin"),
                "akepa: --password-stdin: standard input was empty");
    }

    @Test
    void aRemovedPartnerCannotLogInItsTokensStopAndAddEnablesItAgain() throws Exception {
        piped("gone-secret\n", "partner", "add", "--login", "leaving", "--password-stdin");
        ApiClient partner = running.server().client().login("leaving", "gone-secret");

        assertThat(akepa("partner", "remove", "--login", "leaving").exitCode()).isZero();
        assertThat(partner.get("/customer/status/anything").status()).isEqualTo(401);
        assertThat(running.server().client().post("/auth/get-token",
                "{\"user\":{\"login\":\"leaving\",\"password\":\"gone-secret\"}}").status()).isEqualTo(401);
        assertThat(akepa("partner", "list").out()).containsPattern("(?m)^leaving +\\S+ +removed \\S+$")
                .containsPattern("(?m)^demo +\\S+ +enabled$");
        Run again = akepa("partner", "remove", "--login", "leaving");
        assertThat(again).isEqualTo(new Run(1, "", "akepa: no enabled partner 'leaving'\n"));

        piped("new-secret-2\n", "partner", "add", "--login", "leaving", "--password-stdin");
        running.server().client().login("leaving", "new-secret-2");
    }

    @Test
    void aDisabledReviewerCannotLogInAndItsTokensStop() throws Exception {
        piped("a long passphrase\n", "reviewer", "add", "--login", "dora", "--password-stdin");
        String login = "{\"user\":{\"login\":\"dora\",\"password\":\"a long passphrase\"}}";
        var issued = running.server().client().post("/review/auth/get-token", login);
        assertThat(issued.status()).isEqualTo(200);
        assertThat(akepa("reviewer", "list").out()).containsPattern("(?m)^dora +analyst +\\S+ +enabled$");

        assertThat(akepa("reviewer", "disable", "--login", "dora").out()).startsWith("reviewer 'dora' disabled");
        assertThat(running.server().client().post("/review/auth/get-token", login).status()).isEqualTo(401);
        assertThat(akepa("reviewer", "list").out()).containsPattern("(?m)^dora +analyst +\\S+ +disabled \\S+$");
    }

    @Test
    void reviewerListShowsEachReviewersRole() throws Exception {
        piped("a long passphrase\n", "reviewer", "add", "--login", "rolf", "--password-stdin", "--role", "supervisor");
        piped("a long passphrase\n", "reviewer", "add", "--login", "rita", "--password-stdin");
        String out = akepa("reviewer", "list").out();
        assertThat(out).containsPattern("(?m)^LOGIN +ROLE +CREATED +STATUS$");
        assertThat(out).containsPattern("(?m)^rolf +supervisor +\\S+ +enabled$");
        assertThat(out).containsPattern("(?m)^rita +analyst +\\S+ +enabled$");
        assertThat(akepa("partner", "list").out()).containsPattern("(?m)^LOGIN +CREATED +STATUS$");
    }

    @Test
    void theLauncherNamesAnUnknownCommandBeforeLookingForAJdk() throws Exception {
        Process p = new ProcessBuilder("bash", Path.of("akepa").toAbsolutePath().toString(), "frobnicate")
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("akepa: unknown command: frobnicate (./akepa --help lists the commands)\n");
        assertThat(p.exitValue()).isEqualTo(2);
    }

    private static void assertError(Run run, String line) {
        assertThat(run.err()).isEqualTo(line + "\n");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
    }
}
