package dev.akepa.api;

import dev.akepa.testsupport.RawHttp;
import dev.akepa.testsupport.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.akepa.testsupport.JsonMatch.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

/** Odd and hostile input at every layer (Jetty's parser, the router, the JSON reader) answers in the envelope. */
class HostileInputTest {
    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private static int port() {
        return running.server().app().port();
    }

    private static String token() {
        return running.api().token();
    }

    @Test
    void aMalformedPercentEscapeInAPathIsABadRequestOnEveryRoute() {
        List<String> paths = List.of("/customer/status/%u002e", "/akepa/status/%u002e", "/akepa/history/%u002e",
                "/akepa/document/upload/%u002e", "/review/applications/%u002e", "/review/documents/%u002e",
                "/schemas/%u002e", "/webhooks/deliveries/%u002e/replay", "/x/%zz", "/%");
        for (String path : paths) {
            String method = path.startsWith("/akepa/document") || path.endsWith("replay") ? "POST" : "GET";
            RawHttp.Response r = RawHttp.send(port(), method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "x-connectfi-token: " + token() + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            assertThat(r.status()).as(path).isEqualTo(400);
            assertJson(r.json(), """
                    {"requestId":"{{requestId}}","code":"badRequest","message":"Malformed HTTP request"}""");
            assertThat(r.header("x-request-id")).isEqualTo(r.json().get("requestId").asString());
        }
    }

    @Test
    void updateWithoutDocumentsOrWithAnEmptyListAnswersTheApplicationUnchanged() {
        String customerId = running.journeys().initIndividual("NoDocs");
        String expected = running.journeys().identify(customerId).data().toString();
        for (String body : List.of("{\"customerId\":\"%s\"}", "{\"customerId\":\"%s\",\"documents\":[]}")) {
            var r = running.api().post("/akepa/update", body.formatted(customerId));
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            assertThat(r.data().toString()).isEqualTo(expected);
        }
    }

    @Test
    void duplicateKeysAreInvalidJson() {
        String customerId = running.journeys().initIndividual("Dup");
        var r = running.api().post("/akepa/identification",
                "{\"customerId\":\"bogus\",\"customerId\":\"" + customerId + "\"}");
        assertJson(r, 400, """
                {"requestId":"{{requestId}}","code":"invalidJson","message":"Request body is not valid JSON: Duplicate Object property \\"customerId\\""}""");
    }

    @Test
    void jsonLookalikeContentTypesAreUnsupported() {
        for (String type : List.of("application/jsonx", "application/json-seq", "text/json", "application/json+x")) {
            var r = running.api().send("POST", "/akepa/identification", type, "{\"customerId\":\"x\"}".getBytes(StandardCharsets.UTF_8));
            assertJson(r, 415, """
                    {"requestId":"{{requestId}}","code":"unsupportedMediaType","message":"Content-Type must be application/json"}""");
        }
        var charset = running.api().send("POST", "/akepa/identification", "Application/JSON ; charset=utf-8",
                "{\"customerId\":\"cstap_nope\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(charset.json().get("code").asString()).isEqualTo("customerNotFound");
    }

    @Test
    void everyRequestJettyRefusesIsAnsweredInTheEnvelope() {
        String bad = """
                {"requestId":"{{requestId}}","code":"badRequest","message":"Malformed HTTP request"}""";
        Map<String, String> badRequests = new LinkedHashMap<>();
        badRequests.put("NUL escape", "GET /health/live%00 HTTP/1.1\r\nHost: a\r\n\r\n");
        badRequests.put("invalid UTF-8", "GET /health/%ff HTTP/1.1\r\nHost: a\r\n\r\n");
        badRequests.put("ambiguous ..;", "GET /a/..;/health/live HTTP/1.1\r\nHost: a\r\n\r\n");
        badRequests.put("negative Content-Length", "POST /auth/get-token HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n");
        badRequests.put("two Content-Lengths", "POST /auth/get-token HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}");
        badRequests.put("Content-Length with chunked", "POST /auth/get-token HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        badRequests.put("absolute URI for another host", "GET http://elsewhere.invalid/health/live HTTP/1.1\r\nHost: a\r\n\r\n");
        badRequests.put("no Host", "GET /health/live HTTP/1.1\r\n\r\n");
        badRequests.put("header without colon", "GET /health/live HTTP/1.1\r\nHost: a\r\nbroken header\r\n\r\n");
        badRequests.put("control character in the URI", "GET /health/\u0001live HTTP/1.1\r\nHost: a\r\n\r\n");
        for (var c : badRequests.entrySet()) {
            RawHttp.Response r = RawHttp.send(port(), c.getValue());
            assertThat(r.status()).as(c.getKey()).isEqualTo(400);
            assertThat(r.header("content-type")).as(c.getKey()).startsWith("application/json");
            assertJson(r.json(), bad);
        }
        // A broken chunk reaches the JSON reader, which cannot read the body.
        assertJson(sent(400, "POST /auth/get-token HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nzz\r\n"), """
                {"requestId":"{{requestId}}","code":"invalidJson","message":"Request body is not valid JSON: Early EOF"}""");
        assertJson(sent(414, "GET /" + "a".repeat(9 * 1024) + " HTTP/1.1\r\nHost: a\r\n\r\n"), """
                {"requestId":"{{requestId}}","code":"uriTooLong","message":"Request URI too long"}""");
        assertJson(sent(431, "GET /health/live HTTP/1.1\r\nHost: a\r\nX-Big: " + "b".repeat(20 * 1024) + "\r\n\r\n"), """
                {"requestId":"{{requestId}}","code":"headersTooLarge","message":"Request headers too large"}""");
        String version = """
                {"requestId":"{{requestId}}","code":"httpVersionNotSupported","message":"HTTP version not supported"}""";
        assertJson(sent(505, "GET /health/live\r\n\r\n"), version);
        assertJson(sent(505, "GET /health/live HTTP/9.9\r\nHost: a\r\n\r\n"), version);
    }

    @Test
    void anUnknownMethodIsAnEnvelopeToo() {
        assertJson(sent(404, "Q0000001 /x HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"), """
                {"requestId":"{{requestId}}","code":"notFound","message":"Route not found"}""");
        assertJson(sent(405, "BREW /health/live HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"), """
                {"requestId":"{{requestId}}","code":"methodNotAllowed","message":"Method not allowed"}""");
    }

    @Test
    void anOversizedBodyAnnouncedWithExpectContinueIsRefusedBeforeItIsSent() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /auth/get-token HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 5000000\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            RawHttp.Response r = RawHttp.read(in);
            assertThat(r.status()).as("no 100 Continue before the refusal").isEqualTo(413);
            assertThat(r.header("connection")).isEqualTo("close");
            assertJson(r.json(), """
                    {"requestId":"{{requestId}}","code":"requestTooLarge","message":"Request body exceeds 1048576 bytes"}""");
        }
    }

    @Test
    void anAcceptableBodyAnnouncedWithExpectContinueIsRead() throws Exception {
        String body = "{\"user\":{\"login\":\"demo\",\"password\":\"demo-password\"}}";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /auth/get-token HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(RawHttp.read(in).status()).isEqualTo(100);
            out.write(body.getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(RawHttp.read(in).status()).isEqualTo(200);
        }
    }

    private static tools.jackson.databind.JsonNode sent(int status, String request) {
        RawHttp.Response r = RawHttp.send(port(), request);
        assertThat(r.status()).as(request.substring(0, Math.min(40, request.length()))).isEqualTo(status);
        assertThat(r.header("content-type")).startsWith("application/json");
        return r.json();
    }
}
