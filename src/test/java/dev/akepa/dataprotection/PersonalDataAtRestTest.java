package dev.akepa.dataprotection;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.akepa.keys.StartRefused;
import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.ApiResponse;
import dev.akepa.testsupport.S3MockServer;
import dev.akepa.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** After real journeys, no personal value (nor an unkeyed hash of a tax id) is readable at rest. */
class PersonalDataAtRestTest {
    private static final String SSN = "287650431";
    private static final String REP_SSN = "187650439";
    private static final String FEIN = "459870435";
    private static final String BIRTH_DATE = "1961-07-23";
    private static final String LAST_NAME = "Zyxwvutson";
    private static final String BUSINESS_NAME = "Qwertyzorp Holdings";
    private static final String STREET = "77 Plaintext Crescent";
    private static final String IMAGE_MARKER = "IMAGE-MARKER-9f3kq";
    private static final String DOCUMENT_NAME = "passport-of-Docnamezorp";
    private static final String DOCUMENT_NOTE = "Notezorp seen at the branch";
    private static final String AGENT_EMAIL = "agent.mailzorp@example.com";

    @Test
    void noMarkerIsInTheDataDirTheLogOrTheDatabaseDump() throws Exception {
        journeysLeaveNoMarker(Map.of(), null);
    }

    @Test
    void noMarkerIsInTheS3StoresFiles() throws Exception {
        try (S3MockServer s3 = new S3MockServer().start()) {
            journeysLeaveNoMarker(Map.of("AKEPA_STORAGE", "s3", "AKEPA_S3_BUCKET", "akepa-at-rest",
                    "AKEPA_S3_ENDPOINT", s3.endpoint().toString(), "AKEPA_S3_REGION", S3MockServer.REGION,
                    "AKEPA_S3_PATH_STYLE", "true", "AKEPA_S3_ACCESS_KEY", "akepa-test",
                    "AKEPA_S3_SECRET_KEY", "akepa-test-secret", "AKEPA_S3_CREATE_BUCKET", "true"), s3.storeRoot());
        }
    }

    /** Journeys with known values, then every file of the data dir (and of {@code objectStore}), the log and a dump. */
    private static void journeysLeaveNoMarker(Map<String, String> env, Path objectStore) throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(log);
        try (TestServer server = TestServer.start(env)) {
            ApiClient demo = server.demo();
            String individual = demo.post("/customer/init", Markers.individual("dp1", LAST_NAME, SSN, BIRTH_DATE, STREET))
                    .dataText("customerId");
            demo.post("/customer/init", Markers.business("dp2", BUSINESS_NAME, FEIN, LAST_NAME, REP_SSN, STREET));
            demo.post("/akepa/identification", "{\"customerId\":\"" + individual + "\"}");
            String document = demo.post("/akepa/document/generate", """
                    {"workflow":"PERSONAL","name":"%s","extension":"jpg","type":"license","note":"%s",
                     "note_author_agent_email":"%s"}""".formatted(DOCUMENT_NAME, DOCUMENT_NOTE, AGENT_EMAIL)).dataText("id");
            assertThat(demo.upload(document, Markers.jpegWith(IMAGE_MARKER), "front.jpg").status()).isEqualTo(200);
            ApiResponse duplicate = demo.post("/customer/init", Markers.individual("dp3", "Other", SSN, BIRTH_DATE, STREET));
            assertThat(duplicate.json().get("code").asString()).as("duplicate SSN still found").isEqualTo("customerExists");
            assertThat(demo.get("/customer/status/" + individual).data().get("customer").get("lastName").asString())
                    .isEqualTo(LAST_NAME);
            // PostgreSQL's pages onto disk; SQLite's commits are there already (its file or write-ahead log, in the
            // data dir scanned below)
            if (server.app().database().isPostgres()) server.app().database().jdbi().useHandle(h -> h.execute("checkpoint"));

            List<String> markers = markers();
            int objectFiles = 0;
            for (Path place : objectStore == null ? List.of(server.dataDir()) : List.of(server.dataDir(), objectStore)) {
                try (Stream<Path> files = Files.walk(place)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                        for (String marker : markers) assertThat(content).as("%s in %s", marker, file).doesNotContain(marker);
                        if (place.equals(objectStore)) objectFiles++;
                    }
                }
            }
            if (objectStore != null) assertThat(objectFiles).as("the S3 store holds the document").isPositive();
            List<ILoggingEvent> events;
            synchronized (log) { // background threads keep logging; AppenderBase appends under this lock
                events = new ArrayList<>(log.list);
            }
            for (ILoggingEvent event : events) {
                for (String marker : markers) assertThat(event.getFormattedMessage()).doesNotContain(marker);
            }
            String dump = Markers.pgDump(server.env().get("AKEPA_DB_URL"));
            if (dump != null) {
                assertThat(dump).contains("sealed_body");
                for (String marker : markers) assertThat(dump).as("%s in pg_dump", marker).doesNotContain(marker);
            }
        } finally {
            root.detachAppender(log);
        }
    }

    @Test
    void filesAre600AndDirectories700() throws Exception {
        try (TestServer server = TestServer.start()) {
            ApiClient demo = server.demo();
            String document = demo.post("/akepa/document/generate",
                    "{\"workflow\":\"PERSONAL\",\"name\":\"front\",\"extension\":\"jpg\",\"type\":\"license\"}").dataText("id");
            demo.upload(document, Markers.jpegWith(IMAGE_MARKER), "front.jpg");
            try (Stream<Path> paths = Files.walk(server.dataDir())) {
                for (Path p : paths.toList()) {
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
                            .as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
                }
            }
        }
    }

    @Test
    void aWrongMasterKeyRefusesToStartWithOneLineAndWritesNothing() throws Exception {
        String key = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));
        try (TestServer server = TestServer.start(Map.of("AKEPA_MASTER_KEY", key))) {
            server.demo().post("/customer/init", Markers.individual("wk1", LAST_NAME, SSN, BIRTH_DATE, STREET));
            var before = Markers.rowCounts(server.app().database().jdbi());
            String wrong = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));
            assertThatThrownBy(() -> server.restart(Map.of("AKEPA_MASTER_KEY", wrong, "AKEPA_PARTNERS", "newcomer:pw")))
                    .isInstanceOf(StartRefused.class)
                    .hasMessageContaining("master key")
                    .hasMessageContaining("refusing to start")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            server.restart(Map.of("AKEPA_MASTER_KEY", key, "AKEPA_PARTNERS", "demo:demo-password,other:other-password"));
            assertThat(Markers.rowCounts(server.app().database().jdbi())).isEqualTo(before);
        }
    }

    private static List<String> markers() throws Exception {
        List<String> markers = new ArrayList<>(List.of(SSN, REP_SSN, FEIN, BIRTH_DATE, LAST_NAME, BUSINESS_NAME, STREET,
                IMAGE_MARKER, "Docnamezorp", "Notezorp", "mailzorp"));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String taxId : List.of("SSN:" + SSN, "FEIN:" + FEIN, SSN, FEIN)) {
            markers.add(HexFormat.of().formatHex(sha.digest(taxId.getBytes(StandardCharsets.UTF_8))));
        }
        return markers;
    }
}
