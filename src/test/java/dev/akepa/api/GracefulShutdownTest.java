package dev.akepa.api;

import dev.akepa.testsupport.RawHttp;
import dev.akepa.testsupport.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** SIGTERM lets an in-flight request finish and exits 0; a second SIGTERM exits at once. */
class GracefulShutdownTest {
    @TempDir
    Path dir;

    /** A request whose body is still on its way: headers and half the body sent. */
    private static Socket halfSentLogin(ServerProcess server, String body) throws Exception {
        int port = URI.create(server.baseUrl()).getPort();
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(20_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /auth/get-token HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body.substring(0, body.length() / 2)).getBytes(StandardCharsets.UTF_8));
        out.flush();
        return socket;
    }

    private static final String LOGIN = "{\"user\":{\"login\":\"demo\",\"password\":\"demo-password\"}}";

    @Test
    void sigtermLetsAnInFlightRequestFinishThenExits0() throws Exception {
        try (ServerProcess server = ServerProcess.start("graceful", Map.of("AKEPA_SHUTDOWN_GRACE", "20s"), dir)) {
            try (Socket socket = halfSentLogin(server, LOGIN)) {
                Thread.sleep(300); // the request reached its handler, which is reading the body
                server.terminate();
                Thread.sleep(1_000);
                assertThat(server.isAlive()).as("waits for the request in flight").isTrue();
                socket.getOutputStream().write(LOGIN.substring(LOGIN.length() / 2).getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
                RawHttp.Response answer = RawHttp.read(socket.getInputStream());
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            }
            assertThat(server.awaitExit(Duration.ofSeconds(40))).isZero();
            assertThat(String.join("\n", server.logLines())).contains("Stopped");
        }
    }

    @Test
    void aSecondSigtermExitsAtOnce() throws Exception {
        try (ServerProcess server = ServerProcess.start("impatient", Map.of("AKEPA_SHUTDOWN_GRACE", "60s"), dir)) {
            try (Socket ignored = halfSentLogin(server, LOGIN)) {
                Thread.sleep(300);
                server.terminate();
                Thread.sleep(1_000);
                assertThat(server.isAlive()).isTrue();
                server.terminate();
                assertThat(server.awaitExit(Duration.ofSeconds(10))).isEqualTo(143);
            }
        }
    }
}
