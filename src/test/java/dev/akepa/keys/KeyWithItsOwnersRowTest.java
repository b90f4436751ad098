package dev.akepa.keys;

import dev.akepa.customer.Customer;
import dev.akepa.customer.CustomerRepository;
import dev.akepa.document.Document;
import dev.akepa.document.DocumentRepository;
import dev.akepa.json.Json;
import dev.akepa.store.Database;
import dev.akepa.store.DatabaseConfig;
import dev.akepa.testsupport.PostgresSchema;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new customer's and a new document object's data key are written by the statement that writes their owner's row
 * (SQLite, or PostgreSQL when AKEPA_TEST_PG_URL is set): also when another node retired the version the key was wrapped
 * under in between, and never for an upload that lost its race.
 */
class KeyWithItsOwnersRowTest {
    private Path dir;
    private PostgresSchema schema;
    private Database database;
    private Jdbi jdbi;
    private long partnerId;

    @BeforeEach
    void open() throws Exception {
        dir = Files.createTempDirectory("akepa-keyrow-");
        schema = PostgresSchema.createIfConfigured();
        database = Database.open(new DatabaseConfig(schema == null ? Database.embeddedUrl(dir) : schema.url(), null, null, 4));
        jdbi = database.jdbi();
        partnerId = jdbi.withHandle(h -> h.createQuery("insert into partner (login, password_hash, created_at) "
                + "values ('keyrow', 'x', 0) returning id").mapTo(Long.class).one());
    }

    @AfterEach
    void close() throws Exception {
        database.close();
        if (schema != null) schema.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private KeyRing node() {
        return KeyRing.open(jdbi, new KeysConfig(null, dir.resolve("master.key")), Clock.systemUTC());
    }

    private Optional<Integer> keyVersion(String owner) {
        return jdbi.withHandle(h -> h.createQuery("select kek_version from data_key where owner_id = :o")
                .bind("o", owner).mapTo(Integer.class).findOne());
    }

    @Test
    void aCustomerKeyWrappedUnderAVersionRetiredMeanwhileIsStoredUnderTheNewOne() throws Exception {
        KeyRing current = node();
        CustomerRepository customers = new CustomerRepository(jdbi, current.personalData());
        Customer first = new Customer("cst_keyrow1", partnerId, "ref-1", Customer.CustomerType.INDIVIDUAL,
                Json.object().put("firstName", "Ada"), 1);
        jdbi.useTransaction(h -> customers.insert(h, first, null));
        assertThat(keyVersion(first.id())).contains(1);

        KeyRing stale = node();
        node().rotation().rotate();
        CustomerRepository onStaleNode = new CustomerRepository(jdbi, stale.personalData());
        Customer second = new Customer("cst_keyrow2", partnerId, "ref-2", Customer.CustomerType.INDIVIDUAL,
                Json.object().put("firstName", "Grace"), 2);
        jdbi.useTransaction(h -> onStaleNode.insert(h, second, null));

        assertThat(keyVersion(second.id())).contains(2);
        assertThat(new CustomerRepository(jdbi, node().personalData()).find(partnerId, second.id()).orElseThrow().data())
                .isEqualTo(second.data());
    }

    @Test
    void anUploadKeyIsStoredWithTheMarkUnderTheNewVersionAndNotAtAllForTheLosingUpload() throws Exception {
        DocumentRepository documents = new DocumentRepository(jdbi, node().personalData().webhookSecrets());
        documents.insert(new Document("doc_keyrow", partnerId, "PERSONAL", "front", "jpg", "license", null, null, false,
                null, null, null, 0, null, null, null));
        KeyRing stale = node();
        node().rotation().rotate();

        assertThat(documents.markUploaded("doc_keyrow", "obj_won", "sha", 10, 1, uploadKey(stale.personalData(), "obj_won")))
                .isTrue();
        assertThat(documents.markUploaded("doc_keyrow", "obj_lost", "sha", 10, 2, uploadKey(node().personalData(), "obj_lost")))
                .isFalse();

        assertThat(keyVersion("obj_won")).contains(2);
        assertThat(keyVersion("obj_lost")).isEmpty();
        assertThat(documents.find(partnerId, "doc_keyrow").orElseThrow().storageKey()).isEqualTo("obj_won");
    }

    private static DocumentRepository.UploadKey uploadKey(PersonalData keys, String storageKey) {
        PersonalData.DocumentKey key = keys.newDocumentKey(storageKey);
        return new DocumentRepository.UploadKey() {
            @Override
            public Update bind(Update statement) {
                return keys.bindNewKey(statement, key);
            }

            @Override
            public void save(Handle h) {
                keys.saveDocumentKey(h, key);
            }
        };
    }

}
