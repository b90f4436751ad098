package dev.akepa.dataprotection;

import dev.akepa.audit.AuditVerifier;
import dev.akepa.audit.ChainVerification;
import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.ApiResponse;
import dev.akepa.testsupport.Fixtures;
import dev.akepa.testsupport.Images;
import dev.akepa.testsupport.Journeys;
import dev.akepa.testsupport.TestServer;
import dev.akepa.verification.screening.OfacSample;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.akepa.testsupport.JsonMatch.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /customer/erase and the retention purge, against the real server. */
class ErasureTest {
    private static final String SSN = "287650431";

    @Test
    void inTheSandboxAnErasureIsImmediateAndLeavesWhatTheRulingsSay() throws Exception {
        try (TestServer server = TestServer.start()) {
            ApiClient demo = server.demo();
            Journeys journeys = new Journeys(demo);
            String customerId = demo.post("/customer/init", Markers.individual("er1", "Erasable", SSN, "1961-07-23",
                    "9 Gone Road")).dataText("customerId");
            journeys.identify(customerId);
            String front = demo.post("/akepa/document/generate", """
                    {"workflow":"PERSONAL","name":"front","extension":"jpg","type":"license",
                     "note":"Licence of Erasable","note_author_agent_email":"agent@example.com"}""").dataText("id");
            assertThat(demo.upload(front, Images.jpeg(2049), "front.jpg").status()).isEqualTo(200);
            String back = journeys.uploadedDocument("license", "back");
            assertThat(demo.post("/akepa/update", Fixtures.update(customerId,
                    List.of(new String[]{customerId, front, "front"}, new String[]{customerId, back, "back"}))).status()).isEqualTo(200);
            assertThat(column(server, "select id from document where sealed_note is not null and sealed_note_author is not null"))
                    .containsExactly(front);
            String journeyBefore = withoutRequestId(demo.get("/akepa/status/" + customerId));
            List<String> hashesBefore = column(server, "select sha256 from document order by id");

            ApiResponse erased = demo.post("/customer/erase", "{\"customerId\":\"" + customerId + "\"}");
            assertThat(erased.status()).isEqualTo(200);
            assertThat(erased.data().get("erasureStatus").asString()).isEqualTo("erased");
            assertThat(erased.data().get("customerId").asString()).isEqualTo(customerId);
            String eraseAfter = erased.data().get("dtsEraseAfter").asString();
            ApiResponse again = demo.post("/customer/erase", "{\"customerId\":\"" + customerId + "\"}");
            assertThat(again.data().toString()).as("repeating answers the same").isEqualTo(erased.data().toString());
            assertThat(eraseAfter).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

            assertThat(withoutRequestId(demo.get("/akepa/status/" + customerId))).isEqualTo(journeyBefore);
            ApiResponse status = demo.get("/customer/status/" + customerId);
            assertThat(status.status()).isEqualTo(200);
            assertThat(status.data().get("customer").toString()).isEqualTo("{}");
            assertThat(status.raw()).doesNotContain("Erasable", SSN, "1961-07-23", "9 Gone Road");
            assertThat(status.data().get("reference").asString()).isEqualTo("er1");

            Jdbi jdbi = server.app().database().jdbi();
            assertThat(column(server, "select owner_id from data_key where owner_id like 'cst%' or owner_id like 'doc%'"))
                    .isEmpty();
            assertThat(column(server, "select sha256 from document order by id")).isEqualTo(hashesBefore);
            assertThat(column(server, "select purge_reason from document")).containsOnly("erased");
            assertThat(column(server, "select id from document where sealed_note is not null or sealed_note_author is not null"))
                    .as("the note and the agent's e-mail go with the customer").isEmpty();
            assertThat(documentFiles(server.dataDir())).isEmpty();
            assertThat(new AuditVerifier(jdbi).verify()).isInstanceOf(ChainVerification.Intact.class);
            assertThat(column(server, "select reason from customer_erasure")).containsExactly("partner-request");
            assertThat(demo.post("/customer/init", Markers.individual("er2", "Again", SSN, "1961-07-23", "1 St")).status())
                    .as("the SSN's keyed MAC went with the customer").isEqualTo(200);
        }
    }

    @Test
    void unknownAndForeignCustomersAndBadBodiesGetTheDocumentedErrors() throws Exception {
        try (TestServer server = TestServer.start()) {
            ApiClient demo = server.demo();
            String theirs = server.other().post("/customer/init", Markers.individual("f1", "Theirs", SSN, "1961-07-23",
                    "1 St")).dataText("customerId");
            assertJson(demo.post("/customer/erase", "{\"customerId\":\"cstap_nope\"}"), 400, """
                    {"requestId":"{{requestId}}","code":"customerNotFound","context":{"customerId":"cstap_nope"},"message":"Customer not found."}""");
            assertJson(demo.post("/customer/erase", "{\"customerId\":\"" + theirs + "\"}"), 400, """
                    {"requestId":"{{requestId}}","code":"customerNotFound","context":{"customerId":"%s"},"message":"Customer not found."}"""
                    .formatted(theirs));
            ApiResponse missing = demo.post("/customer/erase", "{}");
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.json().get("code").asString()).isEqualTo("requestValidateError");
            assertThat(missing.json().get("context").toString()).isEqualTo("[{\"instancePath\":\"\",\"schemaPath\":\"#/required\","
                    + "\"keyword\":\"required\",\"params\":{\"missingProperty\":\"customerId\"},"
                    + "\"message\":\"must have required property 'customerId'\"}]");
            assertThat(server.other().get("/customer/status/" + theirs).data().get("customer").get("lastName").asString())
                    .isEqualTo("Theirs");
        }
    }

    @Test
    void inProductionTheErasureWaitsForTheRetentionThenThePurgeErases() throws Exception {
        try (TestServer server = TestServer.start(Map.of("AKEPA_MODE", "production", "AKEPA_RETENTION", "2s",
                "AKEPA_PURGE_INTERVAL", "200ms", "AKEPA_SANCTIONS_DIR", OfacSample.directory().toString()))) {
            ApiClient demo = server.demo();
            String customerId = demo.post("/customer/init", Markers.individual("p1", "Retained", SSN, "1961-07-23",
                    "1 St")).dataText("customerId");
            ApiResponse scheduled = demo.post("/customer/erase", "{\"customerId\":\"" + customerId + "\"}");
            assertThat(scheduled.data().get("erasureStatus").asString()).isEqualTo("scheduled");
            Instant after = Instant.parse(scheduled.data().get("dtsEraseAfter").asString());
            assertThat(after).isAfter(Instant.now());
            assertThat(demo.get("/customer/status/" + customerId).data().get("customer").get("lastName").asString())
                    .as("kept during the retention").isEqualTo("Retained");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!demo.post("/customer/erase", "{\"customerId\":\"" + customerId + "\"}").data()
                    .get("erasureStatus").asString().equals("erased")) {
                assertThat(System.nanoTime()).as("erased by the purge").isLessThan(deadline);
                Thread.sleep(100);
            }
            assertThat(Instant.now()).isAfterOrEqualTo(after);
            assertThat(demo.get("/customer/status/" + customerId).data().get("customer").toString()).isEqualTo("{}");
            String metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(server.baseUrl() + "/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("akepa_erasure_customers_total 1.0").contains("akepa_erasure_pending 0.0");
        }
    }

    @Test
    void aPurgeInterruptedAfterItsCommitFinishesAtTheNextStartAndOrphanedTempFilesGo() throws Exception {
        try (TestServer server = TestServer.start()) {
            ApiClient demo = server.demo();
            Journeys journeys = new Journeys(demo);
            String customerId = demo.post("/customer/init", Markers.individual("c1", "Crashy", SSN, "1961-07-23", "1 St"))
                    .dataText("customerId");
            journeys.identify(customerId);
            journeys.attachLicence(customerId, customerId);
            // What a node killed between the erasing commit and the object deletion leaves: keys gone, rows marked,
            // objects still in the store.
            Jdbi jdbi = server.app().database().jdbi();
            jdbi.useHandle(h -> {
                h.execute("delete from data_key where owner_id in (select storage_key from document)");
                h.execute("update document set purged_at = 1, purge_reason = 'erased'");
            });
            assertThat(documentFiles(server.dataDir())).hasSize(2);
            Path orphan = server.dataDir().resolve("tmp").resolve("upload-123.part");
            Path fresh = server.dataDir().resolve("tmp").resolve("upload-456.part");
            Files.write(orphan, new byte[]{1, 2, 3});
            Files.write(fresh, new byte[]{1, 2, 3});
            Files.setLastModifiedTime(orphan, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

            server.restart();

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!documentFiles(server.dataDir()).isEmpty() || Files.exists(orphan)) {
                assertThat(System.nanoTime()).as("purge resumed at start").isLessThan(deadline);
                Thread.sleep(100);
            }
            assertThat(fresh).as("an upload still in flight keeps its temp file").exists();
            Files.delete(fresh); // the test's stand-in for an upload in flight; a real one deletes its own
            assertThat(column(server, "select storage_key from document where storage_key is not null")).isEmpty();
        }
    }

    private static String withoutRequestId(ApiResponse response) {
        return response.data().toString();
    }

    private static List<String> column(TestServer server, String sql) {
        return server.app().database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    private static List<Path> documentFiles(Path dataDir) throws Exception {
        Path documents = dataDir.resolve("documents");
        if (!Files.exists(documents)) return List.of();
        try (Stream<Path> files = Files.walk(documents)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
