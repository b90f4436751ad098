package dev.akepa.document;

import dev.akepa.keys.KeyRing;
import dev.akepa.keys.KeysConfig;
import dev.akepa.store.Database;
import dev.akepa.store.DatabaseConfig;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Arrays;
import java.util.Random;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link DocumentStore} must do; a test class per store adds what is particular to it. */
abstract class DocumentStoreContract {
    private static final int FIVE_MEGABYTES = 5 * 1024 * 1024;

    /** The store under test. */
    abstract DocumentStore store();

    /** Where the uploads to hand over are written, as the upload temp directory. */
    abstract Path uploads();

    @Test
    void aFiveMegabyteDocumentComesBackWithTheSameSha256AndTheTempFileIsGone() throws IOException {
        Path upload = TestFiles.randomFile(uploads(), FIVE_MEGABYTES, 42);
        String sha256 = TestFiles.sha256(upload);

        store().put("doc_RoundTrip5MB", upload, FIVE_MEGABYTES, sha256);

        assertThat(upload).doesNotExist();
        try (InputStream stored = store().open("doc_RoundTrip5MB")) {
            TestFiles.Digest digest = TestFiles.sha256(stored);
            assertThat(digest.sizeBytes()).isEqualTo(FIVE_MEGABYTES);
            assertThat(digest.hex()).isEqualTo(sha256);
        }
    }

    @Test
    void openingAKeyThatWasNeverStoredNamesTheKey() {
        assertThatThrownBy(() -> store().open("doc_NeverStored"))
                .isInstanceOf(StoredDocumentMissing.class)
                .hasMessageContaining("'doc_NeverStored'")
                .extracting(e -> ((StoredDocumentMissing) e).key()).isEqualTo("doc_NeverStored");
    }

    @Test
    void aSizeThatDisagreesWithTheFileIsRefusedNothingIsStoredAndTheFileIsStillDiscarded() throws IOException {
        for (long declared : new long[]{999, 1001}) {
            Path upload = TestFiles.randomFile(uploads(), 1000, 3);
            String sha256 = TestFiles.sha256(upload);

            assertThatThrownBy(() -> store().put("doc_WrongSize", upload, declared, sha256))
                    .as("declared %d bytes", declared)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1000 bytes");
            assertThat(upload).doesNotExist();
            assertThatThrownBy(() -> store().open("doc_WrongSize")).isInstanceOf(StoredDocumentMissing.class);
        }
    }

    @Test
    void keysThatCouldMeanAPathAreRefused() throws IOException {
        for (String key : new String[]{"../../etc", "../escape"}) {
            Path upload = TestFiles.randomFile(uploads(), 10, 1);
            assertThatThrownBy(() -> store().put(key, upload, 10, TestFiles.sha256(upload)))
                    .as("storing under %s", key).isInstanceOf(IllegalArgumentException.class);
            assertThat(upload).doesNotExist();
        }
        for (String key : new String[]{"doc_a/../../x", "a/b", ".hidden"}) {
            assertThatThrownBy(() -> store().open(key)).as("opening %s", key).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aDeletedDocumentIsGoneAndDeletingItAgainIsNoError() throws IOException {
        Path upload = TestFiles.randomFile(uploads(), 1000, 7);
        store().put("doc_ToDelete", upload, 1000, TestFiles.sha256(upload));

        store().delete("doc_ToDelete");

        assertThatThrownBy(() -> store().open("doc_ToDelete")).isInstanceOf(StoredDocumentMissing.class);
        store().delete("doc_ToDelete");
        store().delete("doc_NeverStored");
    }

    /**
     * Through the vault, as uploads go: the store holds only ciphertext (nothing of the plaintext survives in it),
     * and the plaintext comes back whole with the SHA-256 the row records.
     */
    @Test
    void aDocumentStoredThroughTheVaultIsCiphertextInTheStoreAndComesBackWhole() throws Exception {
        Path dbDir = Files.createTempDirectory(uploads(), "vault-db-");
        try (Database db = Database.open(new DatabaseConfig(Database.embeddedUrl(dbDir), null, null, 2))) {
            DocumentVault vault = new DocumentVault(store(), KeyRing.open(db.jdbi(),
                    new KeysConfig(null, dbDir.resolve("master.key")), Clock.systemUTC()).personalData());
            byte[] plain = new byte[FIVE_MEGABYTES];
            new Random(11).nextBytes(plain);
            plain[0] = (byte) 0xFF;
            plain[1] = (byte) 0xD8;
            plain[2] = (byte) 0xFF;
            Document document = new Document("doc_Vaulted", 7, "PERSONAL", "front", "jpg", "license", null, null, false,
                    null, null, null, 0, null, null, null);
            DocumentVault.Stored stored = vault.put(document, new ByteArrayInputStream(plain), uploads(), FIVE_MEGABYTES);
            db.jdbi().useTransaction(h -> vault.uploadKey(stored).save(h));

            assertThat(stored.sha256()).isEqualTo(TestFiles.sha256(new ByteArrayInputStream(plain)).hex());
            assertThat(stored.sizeBytes()).isEqualTo(FIVE_MEGABYTES);
            try (InputStream raw = store().open(stored.storageKey())) {
                byte[] ciphertext = raw.readAllBytes();
                assertThat(ciphertext.length).isGreaterThan(FIVE_MEGABYTES);
                assertThat(indexOf(ciphertext, Arrays.copyOfRange(plain, 1000, 1032))).isEqualTo(-1);
            }
            try (InputStream opened = vault.open(7, "doc_Vaulted", stored.storageKey())) {
                assertThat(TestFiles.sha256(opened).hex()).isEqualTo(stored.sha256());
            }
            assertThatThrownBy(() -> {
                try (InputStream other = vault.open(8, "doc_Vaulted", stored.storageKey())) {
                    other.readAllBytes();
                }
            }).as("another partner's associated data").isInstanceOf(IOException.class);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
