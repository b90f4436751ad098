package dev.akepa.api;

import dev.akepa.testsupport.RawHttp;
import dev.akepa.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.akepa.testsupport.JsonMatch.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow clients are cut off: a request head trickling in past AKEPA_HEADER_TIMEOUT, a body below
 * AKEPA_MIN_BODY_RATE. Bounded: 40 loopback connections, each sending at most a few dozen bytes, all gone in
 * well under the 20 s the test waits at most; the server answers health checks meanwhile.
 */
class SlowClientTest {
    private static final int SLOW_CLIENTS = 40;

    @Test
    void aRequestHeadThatTricklesInIsClosedAfterTheHeaderDeadline() throws Exception {
        try (TestServer server = TestServer.start(Map.of("AKEPA_HEADER_TIMEOUT", "2s"))) {
            int port = server.app().port();
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < SLOW_CLIENTS; i++) {
                    Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
                    s.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: a\r\nX-Slow-".getBytes(StandardCharsets.ISO_8859_1));
                    sockets.add(s);
                }
                long deadline = System.nanoTime() + 20_000_000_000L;
                int closed = 0;
                while (closed < SLOW_CLIENTS && System.nanoTime() < deadline) {
                    closed = 0;
                    for (Socket s : sockets) {
                        if (trickle(s, 'x')) closed++;
                    }
                    assertThat(server.client().get("/health/live").status()).isEqualTo(200);
                    Thread.sleep(250);
                }
                assertThat(closed).as("slow connections closed by the server").isEqualTo(SLOW_CLIENTS);
            } finally {
                for (Socket s : sockets) s.close();
            }
        }
    }

    @Test
    void aBodyBelowTheMinimumRateIsCutOff() throws Exception {
        try (TestServer server = TestServer.start(Map.of("AKEPA_MIN_BODY_RATE", "2000", "AKEPA_HEADER_TIMEOUT", "2s"))) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.app().port())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /auth/get-token HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.ISO_8859_1));
                long deadline = System.nanoTime() + 20_000_000_000L;
                boolean closed = false;
                while (!closed && System.nanoTime() < deadline) {
                    closed = trickle(socket, ' ');
                    Thread.sleep(200);
                }
                assertThat(closed).as("a 5 bytes/s body closed within 20 s").isTrue();
            }
        }
    }

    @Test
    void aBodyThatStopsArrivingIsAnsweredRequestTimeoutInTheEnvelope() throws Exception {
        try (TestServer server = TestServer.start(Map.of("AKEPA_IDLE_TIMEOUT", "1s"))) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.app().port())) {
                socket.setSoTimeout(15_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /auth/get-token HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100\r\n\r\n{\"user\"").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                RawHttp.Response r = RawHttp.read(socket.getInputStream());
                assertThat(r.status()).isEqualTo(408);
                assertJson(dev.akepa.json.Json.MAPPER.readTree(r.body()), """
                        {"requestId":"{{requestId}}","code":"requestTimeout","message":"Request not received in time"}""");
            }
        }
    }

    @Test
    void aSmallBodySentAfterAPauseIsNotTakenForASlowOne() throws Exception {
        try (TestServer server = TestServer.start()) {
            String body = "{\"user\":{\"login\":\"demo\",\"password\":\"demo-password\"}}";
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.app().port())) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /auth/get-token HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length() + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                Thread.sleep(1_500);
                out.write(body.getBytes(StandardCharsets.UTF_8));
                out.flush();
                assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(200);
            }
        }
    }

    /** Sends one more byte; true once the server has closed the connection. */
    private static boolean trickle(Socket socket, char next) {
        try {
            socket.setSoTimeout(1);
            try {
                if (socket.getInputStream().read() < 0) return true;
            } catch (SocketTimeoutException open) {
                // nothing to read: still open
            }
            socket.getOutputStream().write(next);
            socket.getOutputStream().flush();
            return false;
        } catch (IOException closed) {
            return true;
        }
    }
}
