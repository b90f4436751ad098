package dev.akepa.api;

import dev.akepa.json.Json;
import dev.akepa.testsupport.ApiResponse;
import dev.akepa.testsupport.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.InputStream;

import static dev.akepa.testsupport.JsonMatch.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

/** Health, schemas and metrics: public, no token needed. */
class OperationalEndpointsTest {
    @RegisterExtension
    static final ServerExtension running = new ServerExtension();



    @Test
    void health_live_and_ready() {
        assertJson(running.server().client().get("/health/live"), 200, """
                {"code":"0","data":{"status":"live"},"requestId":"{{requestId}}"}""");
        assertJson(running.server().client().get("/health/ready"), 200, """
                {"code":"0","data":{"status":"ready"},"requestId":"{{requestId}}"}""");
    }

    @Test
    void schemas_are_listed_and_served_as_used_for_validation() throws Exception {
        ApiResponse list = running.server().client().get("/schemas");
        try (InputStream index = getClass().getResourceAsStream("/schemas/index.json")) {
            assertJson(list, 200, "{\"code\":\"0\",\"data\":" + new String(index.readAllBytes()) + ",\"requestId\":\"{{requestId}}\"}");
        }
        ApiResponse schema = running.server().client().get("/schemas/akepa-identification");
        assertThat(schema.status()).isEqualTo(200);
        try (InputStream file = getClass().getResourceAsStream("/schemas/akepa-identification.json")) {
            assertThat(Json.MAPPER.readTree(schema.raw())).isEqualTo(Json.MAPPER.readTree(file));
        }
        assertJson(running.server().client().get("/schemas/no-such-schema"), 404, """
                {"requestId":"{{requestId}}","code":"notFound","message":"Route not found"}""");
    }

    @Test
    void metrics_count_requests_by_route() {
        running.server().client().get("/health/live");
        ApiResponse metrics = running.server().client().get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw()).contains("akepa_http_requests_seconds_count{method=\"GET\",route=\"/health/live\",status=\"200\"}");
    }
}
