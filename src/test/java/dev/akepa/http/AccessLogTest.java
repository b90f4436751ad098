package dev.akepa.http;

import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.Fixtures;
import dev.akepa.testsupport.Journeys;
import dev.akepa.testsupport.ServerProcess;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import dev.akepa.json.Json;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A journey on a server process in each log format: one access line per request, with the route template and
 * the partner, and not one of the journey's secrets or personal data anywhere in the log.
 */
class AccessLogTest {
    private static final String LAST_NAME = "Quillfeather";

    @TempDir
    Path workDir;

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void aJourneyLogsOneAccessLinePerRequestAndNoPersonalData(String format) throws Exception {
        String ssn = Fixtures.issuableSsn();
        String token;
        try (ServerProcess server = ServerProcess.start("log-" + format, Map.of("AKEPA_LOG_FORMAT", format), workDir)) {
            ApiClient api = server.demo();
            token = api.token();
            Journeys journey = new Journeys(api);
            String customerId = journey.initIndividual(LAST_NAME);
            assertThat(customerId).isNotNull();
            String withSsn = api.post("/customer/init", Fixtures.individual(Fixtures.reference(), LAST_NAME, ssn)).dataText("customerId");
            journey.identify(withSsn);
            journey.attachLicence(withSsn, withSsn);
            journey.status(withSsn);
            server.stop();

            List<String> lines = server.logLines();
            List<Access> access = accessLines(lines, format);
            // the start-up's readiness polls (as many as the start took), then the journey's requests in order
            assertThat(access).filteredOn(a -> a.route().equals("/health/ready")).isNotEmpty()
                    .allMatch(a -> a.equals(new Access("GET", "/health/ready", "200", "-")));
            String generate = "/akepa/document/generate", upload = "/akepa/document/upload/{documentId}";
            assertThat(access).filteredOn(a -> !a.route().equals("/health/ready")).containsExactly(
                    new Access("POST", "/auth/get-token", "200", "-"),
                    new Access("POST", "/customer/init", "200", "demo"),
                    new Access("POST", "/customer/init", "200", "demo"),
                    new Access("POST", "/akepa/identification", "200", "demo"),
                    new Access("POST", generate, "200", "demo"), new Access("POST", upload, "200", "demo"),
                    new Access("POST", generate, "200", "demo"), new Access("POST", upload, "200", "demo"),
                    new Access("POST", "/akepa/update", "200", "demo"),
                    new Access("GET", "/akepa/status/{customerId}", "200", "demo"));
            String log = String.join("\n", lines);
            assertThat(log).doesNotContain(ssn, LAST_NAME, "Jane", "jane@example.com", "5551234567", "1990-04-12",
                    token, "demo-password", customerId, withSsn);
        }
    }

    record Access(String method, String route, String status, String partner) {}

    private static List<Access> accessLines(List<String> lines, String format) {
        List<Access> access = new ArrayList<>();
        for (String line : lines) {
            if (format.equals("json")) {
                JsonNode event = Json.MAPPER.readTree(line); // every line is one JSON object
                if (!event.get("loggerName").asString().equals("akepa.access")) continue;
                Map<String, String> kv = new java.util.HashMap<>();
                for (JsonNode pair : event.get("kvpList")) {
                    pair.properties().forEach(e -> kv.put(e.getKey(), e.getValue().asString()));
                }
                assertThat(kv).containsKeys("durationMs", "bytes", "requestId");
                assertThat(kv.get("requestId")).matches("[0-9a-f]{32}");
                access.add(new Access(kv.get("method"), kv.get("route"), kv.get("status"), kv.get("partner")));
            } else if (line.contains(" akepa.access - ")) {
                String[] f = line.substring(line.indexOf(" akepa.access - ") + 16).split(" ");
                assertThat(f[3]).matches("\\d+\\.\\dms");
                assertThat(f[4]).matches("\\d+B");
                assertThat(f[5]).matches("requestId=[0-9a-f]{32}");
                access.add(new Access(f[0], f[1], f[2], f[6].substring("partner=".length())));
            }
        }
        return access;
    }
}
