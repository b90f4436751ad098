package dev.akepa.http.schema;

import dev.akepa.http.HttpConfig;
import dev.akepa.http.HttpServer;
import dev.akepa.json.Json;
import dev.akepa.http.JsonBodies;
import dev.akepa.http.RouteGroup;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The API page's three validation examples, through a real server on 127.0.0.1, compared byte for byte. */
class PageExamplesOverHttpTest {
    private static HttpServer server;
    private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start(@TempDir Path temp) {
        JsonBodies bodies = new JsonBodies(SchemaValidator.loadFromClasspath(), 1_000_000);
        RouteGroup routes = r -> {
            r.post("/akepa/identification", ctx -> ctx.json(bodies.read(ctx, "akepa-identification")));
            r.post("/akepa/document/generate", ctx -> ctx.json(bodies.read(ctx, "akepa-document-generate")));
        };
        server = new HttpServer(new HttpConfig("127.0.0.1", 0, 1_000_000, 1_000_000, temp), List.of(routes),
                ctx -> {}, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> {}).start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** The response without its random requestId, exactly as sent otherwise. */
    private static String post(String path, String body) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        ObjectNode envelope = (ObjectNode) Json.MAPPER.readTree(response.body());
        String requestId = envelope.get("requestId").asString();
        assertThat(response.body()).startsWith("{\"requestId\":\"" + requestId + "\",");
        return "{" + response.body().substring(("{\"requestId\":\"" + requestId + "\",").length());
    }

    @Test
    void identificationWithoutCustomerId() throws Exception {
        assertThat(post("/akepa/identification", "{\"webhookURL\": \"http://sample.com/mywebhook?ref=123something\"}"))
                .isEqualTo("{\"code\":\"requestValidateError\",\"context\":[{\"instancePath\":\"\",\"schemaPath\":\"#/required\","
                        + "\"keyword\":\"required\",\"params\":{\"missingProperty\":\"customerId\"},"
                        + "\"message\":\"must have required property 'customerId'\"}]}");
    }

    @Test
    void documentGenerateWithAnExtensionThatIsNotAllowed() throws Exception {
        assertThat(post("/akepa/document/generate",
                "{\"workflow\": \"BUSINESS\", \"name\": \"front\", \"extension\": \"gif\", \"type\": \"license\"}"))
                .isEqualTo("{\"code\":\"requestValidateError\",\"context\":[{\"instancePath\":\"/extension\","
                        + "\"schemaPath\":\"#/properties/extension/enum\",\"keyword\":\"enum\","
                        + "\"params\":{\"allowedValues\":[\"jpg\",\"png\"]},\"message\":\"must be equal to one of the allowed values\"}]}");
    }

    @Test
    void documentGenerateWithoutType() throws Exception {
        assertThat(post("/akepa/document/generate", "{\"workflow\": \"BUSINESS\", \"name\": \"front\", \"extension\": \"jpg\"}"))
                .isEqualTo("{\"code\":\"requestValidateError\",\"context\":[{\"instancePath\":\"\",\"schemaPath\":\"#/required\","
                        + "\"keyword\":\"required\",\"params\":{\"missingProperty\":\"type\"},"
                        + "\"message\":\"must have required property 'type'\"}]}");
    }
}
