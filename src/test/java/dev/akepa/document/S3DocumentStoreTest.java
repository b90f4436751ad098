package dev.akepa.document;

import dev.akepa.testsupport.ListeningSockets;
import dev.akepa.testsupport.S3MockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class S3DocumentStoreTest extends DocumentStoreContract {
    @RegisterExtension
    static final S3MockServer S3 = new S3MockServer();

    private static S3DocumentStore store;

    @TempDir
    Path uploads;

    @BeforeAll
    static void connect() {
        System.out.println("S3Mock started in " + S3.startupTime().toMillis() + " ms");
        store = S3DocumentStore.connect(S3.config("akepa-documents", true));
    }

    @AfterAll
    static void disconnect() {
        if (store != null) store.close();
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
    void theTestServerListensOnOnePortOnLoopbackOnly() {
        assumeTrue(ListeningSockets.supported(), "needs Linux /proc to list the S3Mock process's sockets");
        assertThat(ListeningSockets.of(S3.pid()))
                .singleElement()
                .satisfies(address -> {
                    assertThat(address.getAddress().isLoopbackAddress()).as("%s", address).isTrue();
                    assertThat(address.getPort()).isEqualTo(S3.endpoint().getPort());
                });
    }

    @Test
    void theStoreRejectsBytesThatDoNotMatchTheDeclaredSha256() throws IOException {
        Path upload = TestFiles.randomFile(uploads, 100_000, 7);
        String shaOfOtherBytes = TestFiles.sha256(TestFiles.randomFile(uploads, 100_000, 8));

        assertThatThrownBy(() -> store.put("doc_Corrupted", upload, 100_000, shaOfOtherBytes))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("doc_Corrupted");

        assertThat(upload).doesNotExist();
        assertThatThrownBy(() -> store.open("doc_Corrupted")).isInstanceOf(StoredDocumentMissing.class);
    }

    @Test
    void bytesDamagedInsideTheStoreFailTheDownloadInsteadOfPassingForTheDocument() throws IOException {
        try (S3DocumentStore tamperable = S3DocumentStore.connect(S3.config("akepa-tamper", true))) {
            Path upload = TestFiles.randomFile(uploads, 200_000, 11);
            tamperable.put("doc_Tampered", upload, 200_000, TestFiles.sha256(upload));
            flipOneByte(onlyObjectFileIn(S3.storeRoot().resolve("akepa-tamper")));

            try (InputStream stored = tamperable.open("doc_Tampered")) {
                assertThatThrownBy(() -> TestFiles.sha256(stored))
                        .isInstanceOf(IOException.class)
                        .hasMessageContaining("doc_Tampered");
            }
        }
    }

    @Test
    void openingAKeyThatWasNeverStoredNamesTheBucketToo() {
        assertThatThrownBy(() -> store.open("doc_NeverStored"))
                .isInstanceOf(StoredDocumentMissing.class)
                .hasMessage("No document is stored under key 'doc_NeverStored' in bucket akepa-documents");
    }

    @Test
    void reachableWhenTheBucketAnswers() {
        assertThat(store.isReachable()).isTrue();
    }

    @Test
    void notReachableWhenNothingListensAtTheEndpoint() throws IOException {
        URI deadEndpoint = URI.create("http://127.0.0.1:" + closedLoopbackPort());
        S3Config config = S3.config("akepa-documents", false);
        S3Config wrong = new S3Config(config.bucket(), deadEndpoint, config.region(), true,
                config.accessKey(), config.secretKey(), false);
        try (S3DocumentStore unreachable = S3DocumentStore.connect(wrong)) {
            assertThat(unreachable.isReachable()).isFalse();
        }
    }

    @Test
    void notReachableWhenTheBucketDoesNotExistAndCreatedWhenAskedTo() {
        try (S3DocumentStore withoutBucket = S3DocumentStore.connect(S3.config("akepa-missing", false))) {
            assertThat(withoutBucket.isReachable()).isFalse();
        }
        try (S3DocumentStore creating = S3DocumentStore.connect(S3.config("akepa-missing", true))) {
            assertThat(creating.isReachable()).isTrue();
        }
        // a second node starting with the same setting finds the bucket there and carries on
        try (S3DocumentStore again = S3DocumentStore.connect(S3.config("akepa-missing", true))) {
            assertThat(again.isReachable()).isTrue();
        }
    }

    /** S3Mock keeps each object's bytes in a file named binaryData under the bucket's directory. */
    private static Path onlyObjectFileIn(Path bucketDir) throws IOException {
        try (Stream<Path> files = Files.walk(bucketDir)) {
            List<Path> objects = files.filter(path -> path.getFileName().toString().equals("binaryData")).toList();
            assertThat(objects).as("objects stored in " + bucketDir).hasSize(1);
            return objects.getFirst();
        }
    }

    private static void flipOneByte(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, 1000);
            one.put(0, (byte) ~one.get(0)).rewind();
            channel.write(one, 1000);
        }
    }

    private static int closedLoopbackPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
