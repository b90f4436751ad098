package dev.akepa.document;

import org.junit.jupiter.api.Test;

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
}
