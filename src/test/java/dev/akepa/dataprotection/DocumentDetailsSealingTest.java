package dev.akepa.dataprotection;

import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.ExpectedServerErrors;
import dev.akepa.testsupport.TestServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static dev.akepa.testsupport.JsonMatch.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document's name, note and agent e-mail are stored sealed; a row an earlier version wrote in plaintext is read
 * as it is until the next start seals it, and a sealed name copied to another document's row does not open there.
 */
@ExpectedServerErrors("a sealed name is moved to another document's row on purpose")
class DocumentDetailsSealingTest {
    private static final String GENERATE = """
            {"workflow":"PERSONAL","name":"%s","extension":"jpg","type":"license",
             "note":"scanned at the branch","note_author_agent_email":"agent.%s@example.com"}""";

    @Test
    void theDetailsAreSealedAndAPlaintextRowIsSealedAtTheNextStart() throws Exception {
        try (TestServer server = TestServer.start()) {
            ApiClient demo = server.demo();
            String id = demo.post("/akepa/document/generate", GENERATE.formatted("passport-of-zyxwvutson", "z")).dataText("id");
            Jdbi jdbi = server.app().database().jdbi();
            assertThat(plaintextColumns(jdbi, id)).isEqualTo(Map.of("name", ""));
            assertThat(sealedColumnsPresent(jdbi, id)).isEqualTo(3);

            // what a version before sealing left: the plaintext columns filled, no sealed ones, the pass not run
            jdbi.useHandle(h -> {
                h.createUpdate("""
                        update document set name = 'legacy-front', note = 'legacy note', note_author_agent_email = 'old@example.com',
                               sealed_name = null, sealed_note = null, sealed_note_author = null where id = :id""")
                        .bind("id", id).execute();
                h.execute("delete from upgrade_pass where name = 'seal-plaintext-document-details'");
            });
            server.restart(Map.of());

            assertThat(plaintextColumns(jdbi(server), id)).isEqualTo(Map.of("name", ""));
            assertThat(sealedColumnsPresent(jdbi(server), id)).isEqualTo(3);
            assertJson(server.demo().upload(id, Markers.jpegWith("legacy"), "front.jpg"), 200, """
                    {"code":"0","data":{"id":"%s","aggregatorId":"demo","uploadStatus":true,"workflow":"PERSONAL",
                     "name":"legacy-front","extension":"jpg","type":"license","dtsCreatedAt":"{{time}}"},
                     "requestId":"{{requestId}}"}""".formatted(id));
        }
    }

    @Test
    void aSealedNameMovedToAnotherDocumentFailsLoudly() throws Exception {
        try (TestServer server = TestServer.start()) {
            ApiClient demo = server.demo();
            String first = demo.post("/akepa/document/generate", GENERATE.formatted("first", "a")).dataText("id");
            String second = demo.post("/akepa/document/generate", GENERATE.formatted("second", "b")).dataText("id");
            server.app().database().jdbi().useHandle(h -> h.createUpdate(
                            "update document set sealed_name = (select sealed_name from document where id = :from) where id = :to")
                    .bind("from", first).bind("to", second).execute());

            assertJson(demo.upload(second, Markers.jpegWith("moved"), "front.jpg"), 500, """
                    {"requestId":"{{requestId}}","code":"internalError","message":"Internal server error"}""");
            assertThat(demo.upload(first, Markers.jpegWith("kept"), "front.jpg").data().get("name").asString()).isEqualTo("first");
        }
    }

    private static Jdbi jdbi(TestServer server) {
        return server.app().database().jdbi();
    }

    /** The plaintext columns that hold anything but null. */
    private static Map<String, Object> plaintextColumns(Jdbi jdbi, String id) {
        return jdbi.withHandle(h -> h.createQuery("select name, note, note_author_agent_email from document where id = :id")
                .bind("id", id).mapToMap().one()).entrySet().stream()
                .filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static int sealedColumnsPresent(Jdbi jdbi, String id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select case when sealed_name is null then 0 else 1 end + case when sealed_note is null then 0 else 1 end
                             + case when sealed_note_author is null then 0 else 1 end from document where id = :id""")
                .bind("id", id).mapTo(Integer.class).one());
    }
}
