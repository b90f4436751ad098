package dev.akepa;

import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.Journeys;
import dev.akepa.testsupport.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** `./akepa audit verify` and `./akepa reviewer add` against a running server's database. */
class AuditVerifyCommandTest {
    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    record Run(int exitCode, String out) {}

    /** Its own output streams: System.out also carries the running server's log (an access line per request). */
    private static Run akepa(String... args) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        int code = Cli.run(args, running.server().env(), new Cli.Io(out, out, InputStream.nullInputStream(), null));
        return new Run(code, captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void verifySaysOkThenNamesTheTamperedRowWithExitCode1() throws Exception {
        ApiClient partner = running.server().demo();
        Journeys journeys = new Journeys(partner);
        String customerId = journeys.initIndividual("Smith");
        journeys.identify(customerId);
        journeys.attachLicence(customerId, customerId);

        Run ok = akepa("audit", "verify");
        assertThat(ok.exitCode()).as(ok.out()).isZero();
        long rows = running.server().app().database().jdbi().withHandle(h -> h.createQuery("select count(*) from audit_event")
                .mapTo(Long.class).one());
        assertThat(rows).isGreaterThanOrEqualTo(2);
        assertThat(ok.out()).matches("OK: " + rows + " audit rows, seal [0-9a-f]{64}\\s*");

        long tampered = running.server().app().database().jdbi().withHandle(h -> h.createQuery(
                "select id from audit_event where customer_id = :c and trigger_name = 'documents'")
                .bind("c", customerId).mapTo(Long.class).one());
        running.server().app().database().jdbi().useHandle(h -> h.createUpdate(
                        "update audit_event set after_state = replace(after_state, 'approved', 'denied') where id = :id")
                .bind("id", tampered).execute());

        Run broken = akepa("audit", "verify");
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.out()).isEqualTo("BROKEN at audit row " + tampered + ": content does not match row_hash\n");
    }

    @Test
    void reviewerAddCreatesALoginThatTheReviewApiAccepts() throws Exception {
        Run created = akepa("reviewer", "add", "--login", "carol", "--password", "a long passphrase");
        assertThat(created.exitCode()).isZero();
        assertThat(created.out()).isEqualTo("reviewer 'carol' created\n");
        assertThat(running.server().client().post("/review/auth/get-token",
                "{\"user\":{\"login\":\"carol\",\"password\":\"a long passphrase\"}}").status()).isEqualTo(200);
        assertThat(akepa("reviewer", "add", "--login", "carol", "--password", "short").exitCode()).isEqualTo(2);
    }
}
