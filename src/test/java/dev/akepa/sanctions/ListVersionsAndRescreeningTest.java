package dev.akepa.sanctions;

import dev.akepa.testsupport.ApiResponse;
import dev.akepa.testsupport.Fixtures;
import dev.akepa.testsupport.TestServer;
import dev.akepa.verification.screening.OfacSample;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new list release while the server runs: imported by the command, picked up by the node within the poll
 * interval, every customer re-screened, and a new candidate for an approved customer opens an alert and queues a
 * callback without touching the application. The steps build on each other, so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ListVersionsAndRescreeningTest {
    private static final String NEW_ENTRY = "99999,\"QUINTAVIAN, Zorblax\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 01 Jan 1970.\"\r\n";
    private static final String CONSOLIDATED_ENTRY = "9001,\"GLORBNAX TRADING\",-0- ,\"NS-PLC\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";

    private static Path releases;
    private static TestServer server;
    private static String customerId;

    @BeforeAll
    static void start() throws Exception {
        releases = Files.createTempDirectory("akepa-ofac-");
        server = TestServer.start(Map.of(
                "AKEPA_MODE", "production",
                "AKEPA_SANCTIONS_DIR", OfacSample.directory().toString(),
                "AKEPA_SANCTIONS_POLL", "200ms",
                "AKEPA_RESCREEN_BATCH", "2",
                "AKEPA_WEBHOOK_ALLOW_PRIVATE", "true"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        try (var files = Files.walk(releases)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    @Order(1)
    void anApprovedCustomerIsNotOnTheFirstList() {
        String body = Fixtures.individual("Quintavian").replace("\"firstName\":\"Jane\"", "\"firstName\":\"Zorblax\"");
        customerId = server.demo().post("/customer/init", body).dataText("customerId");
        server.demo().post("/akepa/identification",
                "{\"customerId\":\"" + customerId + "\",\"webhookURL\":\"http://127.0.0.1:9/hook\"}");
        for (String other : new String[] {"Smith", "Jones", "Brown"}) server.demo().post("/customer/init", Fixtures.individual(other));
        ApiResponse approved = new dev.akepa.testsupport.Journeys(server.demo()).attachLicence(customerId, customerId);

        assertThat(approved.dataText("outcome")).isEqualTo("Approved");
        assertThat(server.demo().get("/akepa/screening/" + customerId).data().path("entities").get(0)
                .path("matches").size()).isZero();
    }

    @Test
    @Order(2)
    void aTruncatedReleaseIsRefusedWithItsLineAndTheVersionStays() throws Exception {
        Path dir = release("truncated", true);
        long before = currentVersion();

        Command result = command("import", dir.toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("refused, nothing imported", "sdn.csv line ", ": file ends inside a record (truncated?)");
        assertThat(server.demo().get("/sanctions/lists").data().path("versions").size()).isEqualTo(1);
        assertThat(currentVersion()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void aNewReleaseIsImportedBesideTheRunningServerAndPickedUpWithinThePoll() throws Exception {
        Path dir = release("next", false);

        Command result = command("import", dir.toString());

        assertThat(result.code()).isEqualTo(0);
        assertThat(result.out()).contains("imported list version", "8978 entries (1 consolidated)");
        long newest = server.demo().get("/sanctions/lists").data().path("versions").get(0).path("listVersion").asLong();
        awaitTrue(() -> currentVersion() == newest);
        assertThat(command("import", dir.toString()).out()).startsWith("unchanged: the files are list version " + newest);
    }

    @Test
    @Order(4)
    void everyCustomerIsRescreenedAndANewCandidateOpensAnAlertWithoutRewritingHistory() {
        awaitTrue(() -> {
            var rescreening = server.demo().get("/sanctions/lists").data().path("versions").get(0).path("rescreening");
            return !rescreening.isMissingNode() && !rescreening.isNull()
                    && rescreening.path("batchesDone").asInt() == rescreening.path("batches").asInt();
        });
        var rescreening = server.demo().get("/sanctions/lists").data().path("versions").get(0).path("rescreening");
        assertThat(rescreening.path("names").asInt()).isEqualTo(4);
        assertThat(rescreening.path("batches").asInt()).isEqualTo(2);
        assertThat(rescreening.path("alerts").asInt()).isEqualTo(1);

        ApiResponse screening = server.demo().get("/akepa/screening/" + customerId);
        var alert = screening.data().path("alerts").get(0);
        assertThat(alert.path("entryId").asString()).isEqualTo("99999");
        assertThat(alert.path("status").asString()).isEqualTo("open");
        assertThat(alert.path("alertId").asString()).startsWith("salrt_");
        var entity = screening.data().path("entities").get(0);
        assertThat(entity.path("trigger").asString()).isEqualTo("rescreening");
        assertThat(entity.path("matches").get(0).path("name").asString()).isEqualTo("QUINTAVIAN, Zorblax");
        assertThat(server.demo().get("/akepa/status/" + customerId).dataText("outcome")).isEqualTo("Approved");

        String callback = server.app().database().jdbi().withHandle(h -> h.createQuery(
                        "select body from webhook_message where customer_id = :c and body like '%sanctionsAlert%'")
                .bind("c", customerId).mapTo(String.class).one());
        assertThat(callback).contains("\"alertId\":\"" + alert.path("alertId").asString() + "\"", "\"entryId\":\"99999\"");
    }

    @Test
    @Order(5)
    void theConsolidatedListIsSearchedWithPrefixedIdsAndStatusShowsItAll() {
        var match = server.demo().post("/screening/search", "{\"name\":\"Glorbnax Trading\",\"type\":\"business\"}")
                .data().path("matches").get(0);
        assertThat(match.path("entryId").asString()).isEqualTo("cons:9001");

        Command status = command("status");
        assertThat(status.code()).isZero();
        assertThat(status.out()).contains("cons_prim.csv", "2 of 2 batches, 4 names screened, 1 alerts opened (finished)",
                "open alerts: 1");
    }

    private static long currentVersion() {
        return server.demo().get("/sanctions/lists").data().path("current").asLong();
    }

    /** The shared list plus one SDN entry and a one-entry consolidated list; optionally cut off mid-record. */
    private static Path release(String name, boolean truncated) throws Exception {
        Path dir = Files.createDirectories(releases.resolve(name));
        String sdn = Files.readString(OfacSample.directory().resolve("sdn.csv"), StandardCharsets.ISO_8859_1);
        sdn = sdn.substring(0, sdn.lastIndexOf('\n') + 1) + NEW_ENTRY;
        if (truncated) sdn = sdn.substring(0, sdn.length() - 30);
        Files.writeString(dir.resolve("sdn.csv"), sdn, StandardCharsets.ISO_8859_1);
        Files.copy(OfacSample.directory().resolve("alt.csv"), dir.resolve("alt.csv"));
        Files.copy(OfacSample.directory().resolve("add.csv"), dir.resolve("add.csv"));
        Files.writeString(dir.resolve("cons_prim.csv"), CONSOLIDATED_ENTRY);
        Files.writeString(dir.resolve("cons_alt.csv"), "");
        Files.writeString(dir.resolve("cons_add.csv"), "");
        return dir;
    }

    record Command(int code, String out, String err) {}

    private static Command command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] full = new String[args.length + 1];
        full[0] = "sanctions";
        System.arraycopy(args, 0, full, 1, args.length);
        int code = SanctionsCommands.run(full, server.app().database().jdbi(), new PrintStream(out, true), new PrintStream(err, true));
        return new Command(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Polls up to 60 s: the node switches within its 200 ms poll, re-screening within about a second per batch. */
    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not reached within 60 s").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
