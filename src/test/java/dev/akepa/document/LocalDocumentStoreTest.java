package dev.akepa.document;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalDocumentStoreTest {
    private static final int FIVE_MEGABYTES = 5 * 1024 * 1024;

    @TempDir
    Path dataDir;
    private Path uploads;
    private LocalDocumentStore store;

    @BeforeEach
    void createStore() throws IOException {
        uploads = Files.createDirectories(dataDir.resolve("tmp"));
        store = new LocalDocumentStore(dataDir);
    }

    @Test
    void aFiveMegabyteDocumentComesBackWithTheSameSha256AndTheTempFileIsGone() throws IOException {
        Path upload = TestFiles.randomFile(uploads, FIVE_MEGABYTES, 42);
        String sha256 = TestFiles.sha256(upload);

        store.put("doc_RoundTrip5MB", upload, FIVE_MEGABYTES, sha256);

        assertThat(upload).doesNotExist();
        try (InputStream stored = store.open("doc_RoundTrip5MB")) {
            TestFiles.Digest digest = TestFiles.sha256(stored);
            assertThat(digest.sizeBytes()).isEqualTo(FIVE_MEGABYTES);
            assertThat(digest.hex()).isEqualTo(sha256);
        }
    }

    @Test
    void theTempFileIsRenamedIntoItsShardNotCopied() throws IOException {
        Path upload = TestFiles.randomFile(uploads, 50_000, 5);
        Object inodeBefore = Files.readAttributes(upload, "unix:ino").get("ino");

        store.put("doc_Xy3fQ", upload, 50_000, TestFiles.sha256(upload));

        Path stored = dataDir.resolve("documents").resolve("Xy").resolve("doc_Xy3fQ");
        assertThat(stored).isRegularFile().hasSize(50_000);
        assertThat(Files.readAttributes(stored, "unix:ino").get("ino")).isEqualTo(inodeBefore);
        assertThat(upload).doesNotExist();
        try (Stream<Path> leftovers = Files.list(stored.getParent())) {
            assertThat(leftovers).containsExactly(stored);
        }
    }

    @Test
    void documentIdsAreSpreadByTheCharactersAfterTheirPrefix() {
        assertThat(LocalDocumentStore.shardOf("doc_AbCdEf")).isEqualTo("Ab");
        assertThat(LocalDocumentStore.shardOf("doc_Zq")).isEqualTo("Zq");
        assertThat(LocalDocumentStore.shardOf("plainkey")).isEqualTo("pl");
        assertThat(LocalDocumentStore.shardOf("doc_x")).isEqualTo("do");
    }

    @Test
    void openingAKeyThatWasNeverStoredNamesTheKey() {
        assertThatThrownBy(() -> store.open("doc_NeverStored"))
                .isInstanceOf(StoredDocumentMissing.class)
                .hasMessageContaining("'doc_NeverStored'")
                .extracting(e -> ((StoredDocumentMissing) e).key()).isEqualTo("doc_NeverStored");
    }

    @Test
    void keysThatCouldClimbOutOfTheDocumentsDirectoryAreRefused() throws IOException {
        Path upload = TestFiles.randomFile(uploads, 10, 1);
        assertThatThrownBy(() -> store.put("../../etc", upload, 10, TestFiles.sha256(upload)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(upload).doesNotExist();
        assertThatThrownBy(() -> store.open("doc_a/../../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open(".hidden")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSizeThatDisagreesWithTheFileIsRefusedAndNothingIsStored() throws IOException {
        Path upload = TestFiles.randomFile(uploads, 1000, 3);

        assertThatThrownBy(() -> store.put("doc_WrongSize", upload, 1001, TestFiles.sha256(upload)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1000 bytes");
        assertThat(upload).doesNotExist();
        assertThatThrownBy(() -> store.open("doc_WrongSize")).isInstanceOf(StoredDocumentMissing.class);
    }

    @Test
    void reachableWhileTheDocumentsDirectoryIsThereAndNotWhenItIsGone() throws IOException {
        assertThat(store.isReachable()).isTrue();

        Path documents = dataDir.resolve("documents");
        Files.delete(documents);
        Files.writeString(documents, "not a directory");

        assertThat(store.isReachable()).isFalse();
    }
}
