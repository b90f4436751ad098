package dev.akepa.webhook;

import dev.akepa.json.Json;
import dev.akepa.webhook.ChangeLoad.Tracked;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a receiver must have got: the exact callback bytes, valid signatures, every change once or more, in order. */
final class CallbackAssertions {
    private CallbackAssertions() {}

    /** The exact body (the status data as the API shows it, plus the reference) and a valid signature. */
    static void assertCallback(Receiver.Request callback, JsonNode statusData, String reference, String secret) {
        String body = new String(callback.body(), StandardCharsets.UTF_8);
        String requestId = Json.MAPPER.readTree(body).get("requestId").asString();
        assertThat(requestId).matches("[0-9a-f]{32}");
        ObjectNode data = (ObjectNode) statusData.deepCopy();
        data.put("reference", reference);
        assertThat(body).isEqualTo("{\"code\":\"0\",\"data\":" + Json.MAPPER.writeValueAsString(data)
                + ",\"requestId\":\"" + requestId + "\"}");
        assertThat(callback.webhookId()).matches("msg_[0-9A-Za-z]{22}");
        assertThat(new StandardWebhookVerifier(secret).verify(callback.webhookId(), callback.header("webhook-timestamp"),
                callback.header("webhook-signature"), callback.body(), Instant.now()))
                .as("signature of %s", callback.webhookId()).isTrue();
    }

    /**
     * {@code delivered} are the requests the receiver accepted, in arrival order. Per application, the first
     * delivery of each webhook-id must be the application's changes exactly, in the order they were made; repeats
     * of an id (at least once) are allowed, as long as they carry the same bytes.
     */
    static void assertEveryChangeDeliveredInOrder(List<Receiver.Request> delivered, List<Tracked> tracked, String secret) {
        Map<String, Receiver.Request> firstById = new LinkedHashMap<>();
        for (Receiver.Request r : delivered) {
            Receiver.Request first = firstById.putIfAbsent(r.webhookId(), r);
            if (first != null) assertThat(r.body()).as("repeat of %s", r.webhookId()).isEqualTo(first.body());
        }
        Map<String, List<Receiver.Request>> perCustomer = new HashMap<>();
        for (Receiver.Request r : firstById.values()) {
            String customerId = Json.MAPPER.readTree(r.body()).get("data").get("customerId").asString();
            perCustomer.computeIfAbsent(customerId, c -> new ArrayList<>()).add(r);
        }
        assertThat(perCustomer.keySet()).containsExactlyInAnyOrderElementsOf(
                tracked.stream().map(Tracked::customerId).toList());
        for (Tracked t : tracked) {
            List<Receiver.Request> got = perCustomer.get(t.customerId());
            assertThat(got).as("callbacks of %s", t.customerId()).hasSize(t.states().size());
            for (int i = 0; i < got.size(); i++) assertCallback(got.get(i), t.states().get(i), t.reference(), secret);
        }
    }
}
