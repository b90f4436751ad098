package dev.akepa.review;

import dev.akepa.CliRun;
import dev.akepa.testsupport.ServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A supervisor exports the audit trail in Chromium; `./akepa audit verify --file` checks it with no database. */
class AuditExportBrowserTest {
    static final String PASSWORD = ConsoleBrowserTest.PASSWORD;
    @RegisterExtension
    static final ServerExtension running = new ServerExtension();
    static ConsoleSession supervisor;
    static ConsoleSession analyst;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        running.server().createSupervisor("sam", PASSWORD);
        running.server().createReviewer("alice", PASSWORD);
        supervisor = ConsoleSession.login(running.server().baseUrl(), "sam", PASSWORD);
        analyst = ConsoleSession.login(running.server().baseUrl(), "alice", PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        if (supervisor != null) supervisor.close();
        if (analyst != null) analyst.close();
    }

    private static String verifyOffline(Path file) throws Exception {
        // No server environment: the file alone is checked.
        CliRun run = CliRun.of(Map.of(), "audit", "verify", "--file", file.toString());
        return run.exitCode() + " " + run.out();
    }

    @Test
    void aCustomersExportVerifiesOfflineAndATamperedOneDoesNot() throws Exception {
        String customerId = ReviewCases.waitingIndividual(running.api());
        Path downloads = Files.createDirectories(dir.resolve("customer"));
        supervisor.downloadsTo(downloads);
        supervisor.open("/review/audit");
        supervisor.browser.findElement(By.id("export-customer-id")).sendKeys(customerId);
        supervisor.browser.findElement(By.cssSelector("#export-customer button")).click();
        List<String> lines = Files.readAllLines(supervisor.downloaded(downloads));
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3);
        assertThat(lines.getFirst()).contains("\"customerId\":\"" + customerId + "\"", "\"trigger\":\"identification\"");
        assertThat(lines.getLast()).contains("\"seal\":", "\"exportedBy\":\"reviewer:sam\"", "\"rows\":" + (lines.size() - 1));
        Path file = dir.resolve("export.jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n");

        String seal = lines.getLast().replaceAll(".*\"seal\":\"([0-9a-f]{64})\".*", "$1");
        assertThat(verifyOffline(file)).isEqualTo("0 OK: " + (lines.size() - 1) + " exported audit rows, seal " + seal + "\n");

        Path tampered = dir.resolve("tampered.jsonl");
        Files.writeString(tampered, String.join("\n", lines).replaceFirst("\"trigger\":\"identification\",\"reason\":\"",
                "\"trigger\":\"identification\",\"reason\":\"approved by phone; ") + "\n");
        long firstId = Long.parseLong(lines.getFirst().replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
        assertThat(verifyOffline(tampered)).isEqualTo("1 BROKEN at audit row " + firstId + ": content does not match row_hash\n");

        Path cut = dir.resolve("cut.jsonl");
        Files.writeString(cut, String.join("\n", lines.subList(1, lines.size())) + "\n");
        assertThat(verifyOffline(cut)).startsWith("1 BROKEN at audit row 0: the seal line counts");

        // The export itself is on the trail, and the database's chains still verify.
        int exports = running.server().app().database().jdbi().withHandle(h -> h.createQuery(
                "select count(*) from audit_event where kind = 'export' and customer_id = :c").bind("c", customerId)
                .mapTo(Integer.class).one());
        assertThat(exports).isEqualTo(1);
        assertThat(CliRun.of(running.server().env(), "audit", "verify").exitCode()).isZero();
    }

    @Test
    void aDateRangeExportHoldsTheDaysRowsAndVerifies() throws Exception {
        ReviewCases.waitingIndividual(running.api());
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Path downloads = Files.createDirectories(dir.resolve("range"));
        supervisor.downloadsTo(downloads);
        supervisor.open("/review/audit/export?from=" + today + "&to=" + today);
        Path file = supervisor.downloaded(downloads);
        assertThat(Files.readString(file)).contains("\"fromMillis\":");
        assertThat(verifyOffline(file)).startsWith("0 OK: ");
        supervisor.open("/review/audit/export?from=" + today + "&to=2000-01-01");
        assertThat(supervisor.text("p.error")).isEqualTo("The range ends before it starts.");
    }

    @Test
    void anAnalystCannotExport() {
        analyst.open("/review/audit/export?customerId=x");
        assertThat(analyst.browser.getPageSource()).contains("\"code\":\"supervisorRequired\"");
        analyst.open("/review/audit");
        assertThat(analyst.browser.getPageSource()).contains("supervisorRequired");
    }
}
