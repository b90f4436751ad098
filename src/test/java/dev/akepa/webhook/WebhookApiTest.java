package dev.akepa.webhook;

import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.ApiResponse;
import dev.akepa.testsupport.Journeys;
import dev.akepa.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.akepa.testsupport.Fixtures.individual;
import static dev.akepa.testsupport.Fixtures.issuableSsn;
import static dev.akepa.testsupport.Fixtures.reference;
import static dev.akepa.testsupport.JsonMatch.assertJson;
import static dev.akepa.webhook.CallbackAssertions.assertCallback;
import static dev.akepa.webhook.Fixtures.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** Callbacks through the real API: what a partner integrating Akepa sees on its receiver and in the delivery log. */
class WebhookApiTest {

    @Test
    void everyChangeAfterAnIdentificationWithWebhookUrlArrivesInOrderAsTheStatusDataSigned() throws Exception {
        try (Receiver receiver = Receiver.alwaysOk(); TestServer server = TestServer.start()) {
            ApiClient api = server.demo();
            Journeys j = new Journeys(api);
            String reference = reference();
            String customerId = api.post("/customer/init", individual(reference,
                    "WaitReview", issuableSsn())).dataText("customerId");
            String url = receiver.url("/hooks/akepa?ref=42");

            List<ApiResponse> steps = new ArrayList<>();
            steps.add(api.post("/akepa/identification",
                    "{\"customerId\":\"%s\",\"webhookURL\":\"%s\"}".formatted(customerId, url)));
            steps.add(j.attachLicence(customerId, customerId));
            steps.add(api.post("/akepa/sandbox/review",
                    "{\"customerId\":\"%1$s\",\"entityId\":\"%1$s\",\"outcome\":\"approved\"}".formatted(customerId)));
            assertThat(steps).extracting(s -> s.dataText("status"))
                    .containsExactly("pending_step_up", "waiting_review", "completed");

            List<Receiver.Request> callbacks = receiver.awaitCount(3);
            String secret = api.get("/webhooks/secret").dataText("secret");
            for (int i = 0; i < 3; i++) {
                assertCallback(callbacks.get(i), steps.get(i).data(), reference, secret);
                assertThat(callbacks.get(i).path()).isEqualTo("/hooks/akepa");
            }
            assertThat(callbacks).extracting(Receiver.Request::webhookId).doesNotHaveDuplicates();

            JsonNode log = awaitDeliveries(api, customerId, 3);
            for (JsonNode attempt : log.get("deliveries")) {
                assertThat(attempt.get("latencyMs").asLong()).isNotNegative();
                ((ObjectNode) attempt).put("latencyMs", 0);
            }
            String applicationId = steps.getFirst().dataText("applicationId");
            assertJson(log, """
                    {"deliveries":[%s,%s,%s],"page":1,"pageSize":20,"total":3}""".formatted(
                    delivered(callbacks.get(2), applicationId, customerId, url),
                    delivered(callbacks.get(1), applicationId, customerId, url),
                    delivered(callbacks.get(0), applicationId, customerId, url)));
            assertThat(receiver.received()).hasSize(3);
        }
    }

    @Test
    void anAsynchronousIdentificationSendsTheRunningStateThenWhatTheBackgroundVerificationDecided() throws Exception {
        try (Receiver receiver = Receiver.alwaysOk(); TestServer server = TestServer.start()) {
            ApiClient api = server.demo();
            Journeys j = new Journeys(api);
            ApiResponse init = j.initBusiness("10001", List.of("Smith"), List.of("RepOne"));
            String customerId = init.dataText("customerId");
            String reference = init.dataText("reference");

            List<JsonNode> states = new ArrayList<>();
            states.add(api.post("/akepa/identification", "{\"customerId\":\"%s\",\"syncMode\":true,\"webhookURL\":\"%s\"}"
                    .formatted(customerId, receiver.url("/hook"))).data());
            assertThat(states.getFirst().get("status").asString()).isEqualTo("running");
            eventually("the background verification ran", () -> !j.status(customerId).dataText("status").equals("running"));
            states.add(j.status(customerId).data());
            states.add(j.attachLicence(customerId, "RepOne").data());
            assertThat(states).extracting(s -> s.get("status").asString())
                    .containsExactly("running", "pending_step_up", "completed");

            List<Receiver.Request> callbacks = receiver.awaitCount(3);
            String secret = api.get("/webhooks/secret").dataText("secret");
            for (int i = 0; i < 3; i++) assertCallback(callbacks.get(i), states.get(i), reference, secret);
        }
    }

    @Test
    void aWebhookUrlToAPrivateAddressIsRefusedAtIdentificationWhenPrivateTargetsAreNotAllowed() throws Exception {
        try (TestServer server = TestServer.start(Map.of("AKEPA_WEBHOOK_ALLOW_PRIVATE", "false"))) {
            ApiClient api = server.demo();
            Journeys j = new Journeys(api);
            String customerId = j.initIndividual("Smith");
            for (String[] refused : List.of(
                    new String[]{"http://10.0.0.5/hook", "10.0.0.5", "private"},
                    new String[]{"http://127.0.0.1:8080/hook", "127.0.0.1", "loopback"},
                    new String[]{"http://169.254.169.254/latest/meta-data", "169.254.169.254",
                            "link-local (this includes cloud metadata 169.254.169.254)"})) {
                ApiResponse response = api.post("/akepa/identification",
                        "{\"customerId\":\"%s\",\"webhookURL\":\"%s\"}".formatted(customerId, refused[0]));
                assertJson(response, 400, """
                        {"requestId":"{{requestId}}","code":"invalidWebhookUrl","context":{"webhookURL":"%s"},
                         "message":"webhookURL host %s resolves to a %s address (%s); callbacks to loopback, private, link-local, metadata, CGNAT, multicast and unspecified addresses are refused"}"""
                        .formatted(refused[0], refused[1], refused[2], refused[1]));
            }
            // nothing was created by the refused requests
            assertThat(api.get("/akepa/status/" + customerId).json().get("code").asString()).isEqualTo("identificationNotFound");
            assertThat(j.identify(customerId).dataText("status")).isEqualTo("pending_step_up");
        }
    }

    private static String delivered(Receiver.Request callback, String applicationId, String customerId, String url) {
        return """
                {"deliveryId":"%s","applicationId":"%s","customerId":"%s","webhookURL":"%s",
                 "deliveryStatus":"delivered","series":1,"attempt":1,"dtsAttemptedAt":"{{time}}","httpStatus":200,
                 "latencyMs":0,"result":"delivered","error":null}"""
                .formatted(callback.webhookId(), applicationId, customerId, url);
    }

    private static JsonNode awaitDeliveries(ApiClient api, String customerId, int count) throws InterruptedException {
        JsonNode[] page = new JsonNode[1];
        eventually(count + " recorded deliveries", () -> {
            page[0] = api.get("/webhooks/deliveries?customerId=" + customerId).data();
            return page[0].get("total").asLong() >= count;
        });
        return page[0];
    }
}
