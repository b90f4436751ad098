package dev.akepa.document;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LocalDocumentStoreTest extends DocumentStoreContract {
    @TempDir
    Path dataDir;
    private Path uploads;
    private LocalDocumentStore store;

    @BeforeEach
    void createStore() throws IOException {
        uploads = Files.createDirectories(dataDir.resolve("tmp"));
        store = new LocalDocumentStore(dataDir);
    }

    @Override
    DocumentStore store() {
        return store;
    }

    @Override
    Path uploads() {
        return uploads;
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
    void reachableWhileTheDocumentsDirectoryIsThereAndNotWhenItIsGone() throws IOException {
        assertThat(store.isReachable()).isTrue();

        Path documents = dataDir.resolve("documents");
        Files.delete(documents);
        Files.writeString(documents, "not a directory");

        assertThat(store.isReachable()).isFalse();
    }
}
