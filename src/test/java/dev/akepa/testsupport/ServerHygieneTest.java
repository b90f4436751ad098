package dev.akepa.testsupport;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

import static org.assertj.core.api.Assertions.assertThat;

/** The after-class check finds each kind of mess it looks for, and nothing when there is none. */
class ServerHygieneTest {
    private final ServerHygiene hygiene = new ServerHygiene();

    @Test
    void aSocketLeftListeningOrConnectedIsFound() throws Exception {
        hygiene.begin();
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), listening.getLocalPort());
             Socket accepted = listening.accept()) {
            assertThat(String.join("; ", hygiene.problems(false)))
                    .contains("LISTEN 127.0.0.1:" + listening.getLocalPort())
                    .contains("ESTABLISHED 127.0.0.1:" + client.getLocalPort() + " -> 127.0.0.1:" + listening.getLocalPort());
        }
        assertThat(hygiene.problems(false)).isEmpty();
    }

    @Test
    void anUnhandledServerErrorIsFoundUnlessExpected() throws Exception {
        hygiene.begin();
        LoggerFactory.getLogger("dev.akepa.http.HttpServer").error("Unhandled error on GET /x (requestId r1)");
        assertThat(hygiene.problems(false)).singleElement().asString().contains("Unhandled error on GET /x");
        LoggerFactory.getLogger("dev.akepa.http.HttpServer").error("Unhandled error on GET /x (requestId r2)");
        assertThat(hygiene.problems(true)).isEmpty();
    }

    @Test
    void aServerNotClosedAndItsTemporaryFilesAreFound() throws Exception {
        hygiene.begin();
        TestServer server = TestServer.start();
        assertThat(hygiene.problems(false)).anySatisfy(p -> assertThat(p).contains("1 TestServer(s) not closed"));
        java.nio.file.Files.writeString(server.dataDir().resolve("tmp").resolve("upload-1.part"), "partial");
        server.close();
        assertThat(hygiene.problems(false)).singleElement().asString().contains("upload-1.part");
    }
}
