package dev.akepa.api;

import dev.akepa.http.Json;
import dev.akepa.testsupport.ApiResponse;
import dev.akepa.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static dev.akepa.testsupport.JsonMatch.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

/** Health, schemas and metrics: public, no token needed. */
class OperationalEndpointsTest {
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void health_live_and_ready() {
        assertJson(server.client().get("/health/live"), 200, """
                {"code":"0","data":{"status":"live"},"requestId":"{{requestId}}"}""");
        assertJson(server.client().get("/health/ready"), 200, """
                {"code":"0","data":{"status":"ready"},"requestId":"{{requestId}}"}""");
    }

    @Test
    void schemas_are_listed_and_served_as_used_for_validation() throws Exception {
        ApiResponse list = server.client().get("/schemas");
        try (InputStream index = getClass().getResourceAsStream("/schemas/index.json")) {
            assertJson(list, 200, "{\"code\":\"0\",\"data\":" + new String(index.readAllBytes()) + ",\"requestId\":\"{{requestId}}\"}");
        }
        ApiResponse schema = server.client().get("/schemas/akepa-identification");
        assertThat(schema.status()).isEqualTo(200);
        try (InputStream file = getClass().getResourceAsStream("/schemas/akepa-identification.json")) {
            assertThat(Json.MAPPER.readTree(schema.raw())).isEqualTo(Json.MAPPER.readTree(file));
        }
        assertJson(server.client().get("/schemas/no-such-schema"), 404, """
                {"requestId":"{{requestId}}","code":"notFound","message":"Route not found"}""");
    }

    @Test
    void metrics_count_requests_by_route() {
        server.client().get("/health/live");
        ApiResponse metrics = server.client().get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw()).contains("akepa_http_requests_seconds_count{method=\"GET\",route=\"/health/live\",status=\"200\"}");
    }
}
