package dev.akepa.dataprotection;

import dev.akepa.audit.AuditVerifier;
import dev.akepa.audit.ChainVerification;
import dev.akepa.store.Database;
import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.TestServer;
import dev.akepa.testsupport.PostgresSchema;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data dirs written by earlier versions (plaintext customer bodies, SHA-256 tax-id hashes, plaintext document files,
 * a v1 webhook secret under master.key) are read by this version and end up encrypted. Each made with the real
 * server of that version: one identified individual with an uploaded document carrying a marker, one business.
 * <ul>
 *   <li>main at dd03060 (before accounts could be disabled and before sanctions list versions: migrations V1–V4)</li>
 *   <li>main at 29a5c43, the last version before encryption (V1–V70; its second document was never attached)</li>
 *   <li>main at 81145c4, the last version on H2: everything sealed already, a supervisor added with the CLI, a document
 *   with a note (V1–V86)</li>
 * </ul>
 * Each is an H2 data dir, copied into SQLite at the first start (store/H2DataDirMigration) and then upgraded there.
 * And one SQLite data dir, written by main at a68f855 (V86), for what later migrations do to SQLite's own files; and
 * one PostgreSQL schema written by that same version (its dump, with the data dir holding its master key and
 * documents), for what V88 and V89 rewrite in place on PostgreSQL.
 */
class UpgradeTest {
    record Fixture(String archive, String individual, String lastName, String birthDate, String ssn, String business,
                   String businessName, String secret, String marker, int documents) {
        @Override
        public String toString() {
            return archive;
        }
    }

    static Stream<Fixture> fixtures() {
        return Stream.of(
                new Fixture("main-dd03060", "cstap_6LOXPjsKV8vJks9bQKI8l2", "Upgradeson", "1961-07-23", "287654321",
                        "cstab_0mfUmHXEVTQKuIMu7BrtTG", "Oldcorp Upgradeworks", "whsec_5UEjCBGOZKmWS0LSZbRwh/lXjRooplRx",
                        "OLD-DOCUMENT-MARKER-7Q", 1),
                new Fixture("main-29a5c43", "cstap_47DWs86DxxnEo4ghgR0kAI", "Newerson", "1962-08-24", "287654322",
                        "cstab_4q4foUxTOtUznlIFohs6R6", "Newcorp Upgradeworks", "whsec_s1OTadjouzIjUFD24glZOk667P1qnYbj",
                        "NEW-DOCUMENT-MARKER-8R", 2),
                new Fixture("main-81145c4", "cstap_4KOMIaH4fZzFBnPy1uFVbs", "Currentson", "1963-09-25", "287654323",
                        "cstab_4DV9gU1KdAaeg67ksS4OO8", "Currentcorp Upgradeworks", "whsec_5usIcGMgKvysb97rTV1k3yTM7lIx/ALe",
                        "CURRENT-DOCUMENT-MARKER-9S", 1));
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("fixtures")
    void aDataDirWrittenByAVersionBeforeEncryptionKeepsWorkingAndEndsUpEncrypted(Fixture fixture) throws Exception {
        unpack("/upgrade/" + fixture.archive() + ".tar.gz", dir);
        try (TestServer server = TestServer.start(Map.of("AKEPA_DATA_DIR", dir.toString(),
                "AKEPA_DB_URL", Database.embeddedUrl(dir), "AKEPA_PARTNERS", "demo:demo-password"))) {
            ApiClient demo = server.demo();
            var individual = demo.get("/customer/status/" + fixture.individual()).data();
            assertThat(individual.get("customer").get("lastName").asString()).isEqualTo(fixture.lastName());
            assertThat(individual.get("customer").get("dateOfBirth").asString()).isEqualTo(fixture.birthDate());
            assertThat(demo.get("/customer/status/" + fixture.business()).data().get("customer").get("businessName").asString())
                    .isEqualTo(fixture.businessName());
            assertThat(demo.get("/akepa/status/" + fixture.individual()).dataText("status")).isEqualTo("pending_step_up");
            assertThat(demo.get("/webhooks/secret").data().get("secret").asString()).isEqualTo(fixture.secret());
            assertThat(demo.post("/customer/init", Markers.individual("again", "Dup", fixture.ssn(), fixture.birthDate(), "1 St"))
                    .json().get("code").asString()).as("the old SSN is still found as a duplicate").isEqualTo("customerExists");

            var jdbi = server.app().database().jdbi();
            int plaintextRows = jdbi.withHandle(h -> h.createQuery("select count(*) from customer where body is not null "
                    + "or tax_id_hash is not null or sealed_body is null").mapTo(Integer.class).one());
            assertThat(plaintextRows).isZero();
            List<String> passes = jdbi.withHandle(h -> h.createQuery("select name from upgrade_pass order by name")
                    .mapTo(String.class).list());
            assertThat(passes).as("later starts skip the scans").containsExactly("copy-h2-data-dir",
                    "seal-plaintext-customers", "seal-plaintext-document-details", "seal-plaintext-documents");
            assertThat(dir.resolve("akepa.mv.db")).as("the H2 file, once copied").doesNotExist();
            assertThat(dir.resolve("akepa.db")).exists();
            assertThat(new AuditVerifier(jdbi).verify()).as("the audit chains, copied row by row")
                    .isInstanceOf(ChainVerification.Intact.class);
            int plaintextDocumentRows = jdbi.withHandle(h -> h.createQuery("select count(*) from document where name <> '' "
                    + "or note is not null or note_author_agent_email is not null or sealed_name is null").mapTo(Integer.class).one());
            assertThat(plaintextDocumentRows).isZero();
            String secret = jdbi.withHandle(h -> h.createQuery("select current_secret from webhook_secret")
                    .mapTo(String.class).one());
            assertThat(secret).startsWith("v2:");
            List<Path> documents;
            try (Stream<Path> files = Files.walk(dir.resolve("documents"))) {
                documents = files.filter(Files::isRegularFile).toList();
            }
            assertThat(documents).hasSize(fixture.documents());
            for (Path document : documents) {
                assertThat(new String(Files.readAllBytes(document), StandardCharsets.ISO_8859_1))
                        .doesNotContain(fixture.marker());
            }
            List<String> hashes = jdbi.withHandle(h -> h.createQuery("select sha256 from document where sha256 is not null")
                    .mapTo(String.class).list());
            assertThat(hashes).as("the plaintext hashes recorded before are kept").hasSize(fixture.documents())
                    .allSatisfy(hash -> assertThat(hash).hasSize(64));
        }
    }

    /**
     * The copy runs once: a later start opens the SQLite file and leaves it be; a copy a crash interrupted (its file
     * has no name of its own yet) is thrown away and made again. The accounts and keys of the H2 days keep working.
     */
    @Test
    void theLastH2VersionsDataDirIsCopiedOnceAndItsAccountsStillLogIn() throws Exception {
        unpack("/upgrade/main-81145c4.tar.gz", dir);
        Files.writeString(dir.resolve("akepa.db.partial"), "what a crash during an earlier copy left");
        try (TestServer server = TestServer.start(Map.of("AKEPA_DATA_DIR", dir.toString(),
                "AKEPA_DB_URL", Database.embeddedUrl(dir), "AKEPA_PARTNERS", "demo:demo-password"))) {
            var jdbi = server.app().database().jdbi();
            long copiedAt = jdbi.withHandle(h -> h.createQuery("select done_at from upgrade_pass where name = "
                    + "'copy-h2-data-dir'").mapTo(Long.class).one());
            assertThat(dir.resolve("akepa.db.partial")).doesNotExist();
            assertThat(server.client().post("/review/auth/get-token",
                    "{\"user\":{\"login\":\"current_reviewer\",\"password\":\"reviewer-password-1\"}}").status())
                    .as("the supervisor the CLI added on H2").isEqualTo(200);

            server.restart();

            long copiedAtAfterRestart = server.app().database().jdbi().withHandle(h -> h.createQuery("select done_at "
                    + "from upgrade_pass where name = 'copy-h2-data-dir'").mapTo(Long.class).one());
            assertThat(copiedAtAfterRestart).isEqualTo(copiedAt);
            assertThat(server.demo().get("/customer/status/cstap_4KOMIaH4fZzFBnPy1uFVbs").data().get("customer")
                    .get("lastName").asString()).isEqualTo("Currentson");
        }
    }

    /**
     * SQLite's V87 stores the audit trail in append order. The data dir of main at a68f855 holds 12 approved journeys
     * and 12 identified customers: 36 rows in 13 of the 16 chains, whose ids were the rowids, out of append order.
     */
    @Test
    void aSqliteDataDirsAuditTrailIsStoredInAppendOrderAndEveryChainStillVerifies() throws Exception {
        unpack("/upgrade/main-a68f855-sqlite.tar.gz", dir);
        try (TestServer server = TestServer.start(Map.of("AKEPA_DATA_DIR", dir.toString(),
                "AKEPA_DB_URL", Database.embeddedUrl(dir), "AKEPA_PARTNERS", "demo:demo-password"))) {
            var jdbi = server.app().database().jdbi();
            List<Long> stored = jdbi.withHandle(h -> h.createQuery("select id from audit_event order by seq")
                    .mapTo(Long.class).list());
            List<Long> appended = jdbi.withHandle(h -> h.createQuery("select id from audit_event order by at_millis, id")
                    .mapTo(Long.class).list());
            assertThat(stored).hasSize(36).isEqualTo(appended).isNotEqualTo(stored.stream().sorted().toList());
            assertThat(new AuditVerifier(jdbi).verify()).isInstanceOfSatisfying(ChainVerification.Intact.class,
                    intact -> assertThat(intact.rows()).isEqualTo(36));

            ApiClient demo = server.demo();
            assertThat(demo.get("/akepa/history/cstap_4dZWL8d2Bclosb8OghVj1N").data().get("events").size())
                    .as("the first journey's history: identification, then the documents").isEqualTo(2);
            String customerId = demo.post("/customer/init", Markers.individual("afterv87", "Later", "287654399",
                    "1970-01-02", "2 St")).dataText("customerId");
            demo.post("/akepa/identification", "{\"customerId\":\"" + customerId + "\"}");
            assertThat(demo.get("/customer/status/cstap_4dZWL8d2Bclosb8OghVj1N").data().get("customer").get("lastName")
                    .asString()).as("decrypted with a data key the earlier version wrote as base64").isEqualTo("Fixture1");
            List<String> storedAs = jdbi.withHandle(h -> h.createQuery("select distinct typeof(wrapped_key) from data_key "
                    + "where owner_id in ('cstap_4dZWL8d2Bclosb8OghVj1N', :new) order by 1").bind("new", customerId)
                    .mapTo(String.class).list());
            assertThat(storedAs).as("V88: new keys are bytes, earlier ones stay text").containsExactly("blob", "text");
            List<String> bodiesStoredAs = jdbi.withHandle(h -> h.createQuery("select distinct typeof(sealed_body) from customer "
                    + "where id in ('cstap_4dZWL8d2Bclosb8OghVj1N', :new) order by 1").bind("new", customerId)
                    .mapTo(String.class).list());
            assertThat(bodiesStoredAs).as("V89: likewise for sealed bodies").containsExactly("blob", "text");
            String last = jdbi.withHandle(h -> h.createQuery("select customer_id from audit_event order by seq desc limit 1")
                    .mapTo(String.class).one());
            assertThat(last).as("a new row goes at the end").isEqualTo(customerId);
            long rows = jdbi.withHandle(h -> h.createQuery("select count(*) from audit_event").mapTo(Long.class).one());
            assertThat(new AuditVerifier(jdbi).verify()).isInstanceOfSatisfying(ChainVerification.Intact.class,
                    intact -> assertThat(intact.rows()).isEqualTo(rows).isGreaterThan(36));
        }
    }

    /**
     * PostgreSQL's V88 and V89 turn the base64 text of wrapped keys and sealed bodies into bytea in place. The schema
     * of main at a68f855 (V86), dumped with {@code pg_dump --inserts} and its name replaced by {@code __SCHEMA__}:
     * one approved journey with two uploads, and one customer identified only.
     */
    @Test
    void aPostgresSchemaWrittenBeforeV88IsRewrittenAsBytesAndEverythingInItStillOpens() throws Exception {
        Assumptions.assumeTrue(PostgresSchema.configured(), "a PostgreSQL upgrade: set AKEPA_TEST_PG_URL (CI does)");
        unpack("/upgrade/main-a68f855-pg.tar.gz", dir);
        Path dump = dir.resolve("pg-dump.sql");
        try (PostgresSchema schema = PostgresSchema.create()) {
            try (Connection c = DriverManager.getConnection(schema.url()); Statement s = c.createStatement()) {
                s.execute(Files.readString(dump).replace("__SCHEMA__", schema.name()));
            }
            Files.delete(dump);
            try (TestServer server = TestServer.start(Map.of("AKEPA_DATA_DIR", dir.toString(),
                    "AKEPA_DB_URL", schema.url(), "AKEPA_PARTNERS", "demo:demo-password"))) {
                var jdbi = server.app().database().jdbi();
                List<String> types = jdbi.withHandle(h -> h.createQuery("select table_name || '.' || column_name || ' '"
                        + " || data_type from information_schema.columns where table_schema = current_schema()"
                        + " and column_name in ('wrapped_key', 'sealed_body') and table_name <> 'idempotency_key'"
                        + " order by 1").mapTo(String.class).list());
                assertThat(types).containsExactly("customer.sealed_body bytea", "data_key.wrapped_key bytea",
                        "key_encryption_key.wrapped_key bytea");

                ApiClient demo = server.demo();
                var approved = demo.get("/customer/status/cstap_5Bop8fbmO1O06byBBYTfC9").data().get("customer");
                assertThat(approved.get("lastName").asString()).isEqualTo("Pgfixture");
                assertThat(approved.get("dateOfBirth").asString()).isEqualTo("1964-10-26");
                assertThat(demo.get("/customer/status/cstap_6Ne75Yws5qgtBWUFPNfjp4").data().get("customer")
                        .get("lastName").asString()).isEqualTo("Pgsecond");
                assertThat(demo.get("/akepa/status/cstap_5Bop8fbmO1O06byBBYTfC9").dataText("status")).isEqualTo("completed");
                assertThat(demo.get("/webhooks/secret").data().get("secret").asString())
                        .isEqualTo("whsec_SiYmXL0xJs5jDH/AE3ebKQ9rVUSb0gVc");
                assertThat(demo.post("/customer/init", Markers.individual("again", "Dup", "287654324", "1964-10-26", "1 St"))
                        .json().get("code").asString()).as("the old SSN is still found as a duplicate").isEqualTo("customerExists");
                for (String documentId : List.of("doc_4tqzx4qR0skeBfpmx2oNdQ", "doc_2jxOO6yc7OjBKBMUnHykNO")) {
                    var row = jdbi.withHandle(h -> h.createQuery("select partner_id, storage_key from document where id = :id")
                            .bind("id", documentId).mapToMap().one());
                    try (InputStream in = server.app().documentVault().open(((Number) row.get("partner_id")).longValue(),
                            documentId, (String) row.get("storage_key"))) {
                        assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1))
                                .as("opened with its data key, rewritten as bytes").contains("PGFIXTUREMARKER");
                    }
                }

                String customerId = demo.post("/customer/init", Markers.individual("afterv89", "Later", "287654398",
                        "1970-01-02", "2 St")).dataText("customerId");
                assertThat(demo.get("/customer/status/" + customerId).data().get("customer").get("lastName").asString())
                        .isEqualTo("Later");
                long rows = jdbi.withHandle(h -> h.createQuery("select count(*) from audit_event").mapTo(Long.class).one());
                assertThat(new AuditVerifier(jdbi).verify()).isInstanceOfSatisfying(ChainVerification.Intact.class,
                        intact -> assertThat(intact.rows()).isEqualTo(rows).isGreaterThanOrEqualTo(3));
            }
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
