package dev.akepa.dataprotection;

import dev.akepa.store.Database;
import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data dir written by main at dd03060 (before encryption: plaintext customer bodies, SHA-256 tax-id hashes, a
 * plaintext document file, a v1 webhook secret under master.key) is read by this version and ends up encrypted.
 * Made with the real server: one individual (SSN 287654321, "Upgradeson", born 1961-07-23, identified, a
 * document with OLD-DOCUMENT-MARKER-7Q uploaded), one business (FEIN 459876543, "Oldcorp Upgradeworks").
 */
class UpgradeTest {
    private static final String INDIVIDUAL = "cstap_6LOXPjsKV8vJks9bQKI8l2";
    private static final String BUSINESS = "cstab_0mfUmHXEVTQKuIMu7BrtTG";
    private static final String OLD_SECRET = "whsec_5UEjCBGOZKmWS0LSZbRwh/lXjRooplRx";

    @TempDir
    Path dir;

    @Test
    void aDataDirWrittenByTheVersionBeforeEncryptionKeepsWorkingAndEndsUpEncrypted() throws Exception {
        unpack("/upgrade/main-dd03060.tar.gz", dir);
        try (TestServer server = TestServer.start(Map.of("AKEPA_DATA_DIR", dir.toString(),
                "AKEPA_DB_URL", Database.embeddedUrl(dir), "AKEPA_PARTNERS", "demo:demo-password"))) {
            ApiClient demo = server.demo();
            var individual = demo.get("/customer/status/" + INDIVIDUAL).data();
            assertThat(individual.get("customer").get("lastName").asString()).isEqualTo("Upgradeson");
            assertThat(individual.get("customer").get("dateOfBirth").asString()).isEqualTo("1961-07-23");
            assertThat(demo.get("/customer/status/" + BUSINESS).data().get("customer").get("businessName").asString())
                    .isEqualTo("Oldcorp Upgradeworks");
            assertThat(demo.get("/akepa/status/" + INDIVIDUAL).dataText("status")).isEqualTo("pending_step_up");
            assertThat(demo.get("/webhooks/secret").data().get("secret").asString()).isEqualTo(OLD_SECRET);
            assertThat(demo.post("/customer/init", Markers.individual("again", "Dup", "287654321", "1961-07-23", "1 St"))
                    .json().get("code").asString()).as("the old SSN is still found as a duplicate").isEqualTo("customerExists");

            var jdbi = server.app().database().jdbi();
            int plaintextRows = jdbi.withHandle(h -> h.createQuery("select count(*) from customer where body is not null "
                    + "or tax_id_hash is not null or sealed_body is null").mapTo(Integer.class).one());
            assertThat(plaintextRows).isZero();
            String secret = jdbi.withHandle(h -> h.createQuery("select current_secret from webhook_secret")
                    .mapTo(String.class).one());
            assertThat(secret).startsWith("v2:");
            List<Path> documents;
            try (Stream<Path> files = Files.walk(dir.resolve("documents"))) {
                documents = files.filter(Files::isRegularFile).toList();
            }
            assertThat(documents).hasSize(1);
            assertThat(new String(Files.readAllBytes(documents.get(0)), StandardCharsets.ISO_8859_1))
                    .doesNotContain("OLD-DOCUMENT-MARKER-7Q");
            String sha256 = jdbi.withHandle(h -> h.createQuery("select sha256 from document").mapTo(String.class).one());
            assertThat(sha256).as("the plaintext hash recorded before is kept").hasSize(64);
        }
    }

    private static void unpack(String resource, Path target) throws Exception {
        Path archive = target.resolve("fixture.tar.gz");
        try (InputStream in = UpgradeTest.class.getResourceAsStream(resource)) {
            Files.copy(in, archive);
        }
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", target.toString()).inheritIO().start();
        assertThat(tar.waitFor()).isZero();
        Files.delete(archive);
    }
}
