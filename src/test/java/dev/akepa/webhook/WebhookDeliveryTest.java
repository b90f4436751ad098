package dev.akepa.webhook;

import dev.akepa.json.Json;
import dev.akepa.webhook.Fixtures.Application;
import dev.akepa.webhook.Receiver.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.akepa.webhook.Fixtures.eventually;
import static org.assertj.core.api.Assertions.assertThat;

class WebhookDeliveryTest {
    @TempDir
    Path dir;

    @Test
    void aCallbackCarriesTheStatusDataAndASignatureThatVerifiesWithThePartnersSecret() throws Exception {
        try (Receiver receiver = Receiver.alwaysOk(); WebhookHarness h = WebhookHarness.start(dir)) {
            var partner = h.partner("acme");
            Application app = Fixtures.application(h.jdbi(), partner.id(), "one");
            h.change(app.change(receiver.url("/hook?ref=1"), "pending_step_up"));

            Receiver.Request request = receiver.awaitCount(1).getFirst();
            String secret = h.get(partner, "/webhooks/secret").body().get("data").get("secret").asString();
            var verifier = new StandardWebhookVerifier(secret);
            assertThat(verifier.verify(request.webhookId(), request.header("webhook-timestamp"),
                    request.header("webhook-signature"), request.body(), Instant.now())).isTrue();
            byte[] tampered = new String(request.body()).replace("pending_step_up", "completed").getBytes();
            assertThat(verifier.verify(request.webhookId(), request.header("webhook-timestamp"),
                    request.header("webhook-signature"), tampered, Instant.now())).isFalse();

            assertThat(request.path()).isEqualTo("/hook");
            assertThat(request.header("content-type")).isEqualTo("application/json");
            assertThat(request.webhookId()).matches("msg_[0-9A-Za-z]{22}");
            JsonNode body = Json.MAPPER.readTree(request.body());
            assertThat(fieldNames(body)).containsExactly("code", "data", "requestId");
            assertThat(body.get("code").asString()).isEqualTo("0");
            assertThat(body.get("requestId").asString()).matches("[0-9a-f]{32}");
            JsonNode data = body.get("data");
            assertThat(fieldNames(data)).containsExactly("applicationId", "aggregatorId", "customerId", "status",
                    "outcome", "entityApplications", "reference");
            assertThat(data.get("applicationId").asString()).isEqualTo(app.applicationId());
            assertThat(data.get("status").asString()).isEqualTo("pending_step_up");
            assertThat(data.get("outcome").isNull()).isTrue();
            assertThat(data.get("reference").asString()).isEqualTo(app.reference());
            assertThat(fieldNames(data.get("entityApplications").get(0)))
                    .containsExactly("entityId", "isCustomer", "status", "outcome");
        }
    }

    @Test
    void aReceiverThatFailsThreeTimesGetsTheSameCallbackOnTheFourthAttempt() throws Exception {
        try (Receiver receiver = Receiver.start(r -> Reply.status(r.index() < 3 ? 500 : 204));
             WebhookHarness h = WebhookHarness.start(dir)) {
            var partner = h.partner("acme");
            Application app = Fixtures.application(h.jdbi(), partner.id(), "one");
            h.change(app.change(receiver.url("/hook"), "pending_step_up"));

            List<Receiver.Request> requests = receiver.awaitCount(4);
            assertThat(requests).extracting(Receiver.Request::webhookId).containsOnly(requests.getFirst().webhookId());
            assertThat(requests).allSatisfy(r -> assertThat(r.body()).isEqualTo(requests.getFirst().body()));

            JsonNode attempts = awaitAttempts(h, partner, app, 4);
            assertThat(attempts).extracting(a -> a.get("httpStatus").asInt()).containsExactly(204, 500, 500, 500);
            assertThat(attempts).extracting(a -> a.get("attempt").asInt()).containsExactly(4, 3, 2, 1);
            assertThat(attempts).extracting(a -> a.get("result").asString())
                    .containsExactly("delivered", "retrying", "retrying", "retrying");
            assertThat(attempts.get(1).get("error").asString()).startsWith("HTTP 500");
            assertThat(attempts.get(0).get("deliveryStatus").asString()).isEqualTo("delivered");
        }
    }

    @Test
    void goneStopsCallbacksToThatUrlForThatApplicationOnly() throws Exception {
        try (Receiver receiver = Receiver.start(r -> Reply.status(r.path().equals("/gone") ? 410 : 200));
             WebhookHarness h = WebhookHarness.start(dir)) {
            var partner = h.partner("acme");
            Application a = Fixtures.application(h.jdbi(), partner.id(), "a");
            Application b = Fixtures.application(h.jdbi(), partner.id(), "b");
            String gone = receiver.url("/gone");
            h.change(a.change(gone, "s1"), a.change(gone, "s2"), a.change(gone, "s3"));
            eventually("the 410 is recorded", () -> states(h, a).equals(List.of("gone", "gone", "gone")));

            h.change(a.change(gone, "s4"));
            h.change(a.change(receiver.url("/new"), "s5"), b.change(gone, "b1"));
            eventually("the other URL and application got theirs", () ->
                    states(h, a).equals(List.of("gone", "gone", "gone", "delivered")) && states(h, b).equals(List.of("gone")));

            assertThat(receiver.received()).extracting(Receiver.Request::path).containsExactlyInAnyOrder("/gone", "/new", "/gone");
        }
    }

    @Test
    void aSlowReceiverTimesOutAndIsRetriedWithTheSameId() throws Exception {
        WebhookConfig config = WebhookHarness.config(dir, Duration.ofMillis(300), WebhookHarness.FAST_RETRIES, true);
        try (Receiver receiver = Receiver.start(r -> r.index() == 0
                ? new Reply(200, Map.of(), Duration.ofSeconds(2)) : Reply.status(200));
             WebhookHarness h = WebhookHarness.start(dir, config)) {
            var partner = h.partner("acme");
            Application app = Fixtures.application(h.jdbi(), partner.id(), "one");
            h.change(app.change(receiver.url("/slow"), "pending_step_up"));

            List<Receiver.Request> requests = receiver.awaitCount(2);
            assertThat(requests.get(1).webhookId()).isEqualTo(requests.get(0).webhookId());
            JsonNode attempts = awaitAttempts(h, partner, app, 2);
            assertThat(attempts.get(1).get("error").asString()).contains("timeout");
            assertThat(attempts.get(1).get("httpStatus").isNull()).isTrue();
            assertThat(attempts.get(0).get("result").asString()).isEqualTo("delivered");
        }
    }

    @Test
    void aLongerRetryAfterFromTheReceiverDelaysTheRetryAndAShorterOneDoesNotHastenIt() throws Exception {
        WebhookConfig quick = WebhookHarness.config(dir, Duration.ofSeconds(5), List.of(Duration.ofMillis(100)), true);
        try (Receiver receiver = Receiver.start(r -> r.index() == 0
                ? new Reply(503, Map.of("Retry-After", "3600"), Duration.ZERO) : Reply.status(200));
             WebhookHarness h = WebhookHarness.start(dir, quick)) {
            var partner = h.partner("acme");
            Application app = Fixtures.application(h.jdbi(), partner.id(), "one");
            h.change(app.change(receiver.url("/busy"), "pending_step_up"));
            assertThat(receiver.awaitCount(1)).hasSize(1);
            java.util.concurrent.atomic.AtomicLong recorded = new java.util.concurrent.atomic.AtomicLong();
            Fixtures.eventually("the failed attempt recorded", () -> {
                h.jdbi().useHandle(x -> x.createQuery("select next_attempt_at from webhook_message where attempts >= 1")
                        .mapTo(Long.class).findOne().ifPresent(recorded::set));
                return recorded.get() > 0;
            });
            long due = recorded.get();
            assertThat(due - System.currentTimeMillis()).as("the receiver's hour, not the schedule's 100 ms")
                    .isGreaterThan(3_000_000L);
        }
    }

    @Test
    void onePartnersHangingReceiverDoesNotDelayAnotherPartnersCallbacks() throws Exception {
        // 8 requests per node, 2 per partner: 20 hanging callbacks of acme hold two, globex's goes out at once.
        WebhookConfig config = WebhookHarness.config(dir, Duration.ofSeconds(10), List.of(Duration.ofHours(1)), true);
        try (Receiver hanging = Receiver.start(r -> new Reply(200, Map.of(), Duration.ofSeconds(6)));
             Receiver prompt = Receiver.start(r -> Reply.status(200));
             WebhookHarness h = WebhookHarness.start(dir, config)) {
            var acme = h.partner("acme");
            var globex = h.partner("globex");
            for (int i = 0; i < 20; i++) {
                h.change(Fixtures.application(h.jdbi(), acme.id(), "slow" + i).change(hanging.url("/slow"), "pending_step_up"));
            }
            hanging.awaitCount(2);
            h.change(Fixtures.application(h.jdbi(), globex.id(), "fast").change(prompt.url("/fast"), "pending_step_up"));
            assertThat(prompt.awaitCount(1, Duration.ofSeconds(4))).as("not stuck behind acme's six-second answers").hasSize(1);
            assertThat(hanging.received()).as("acme holds only its two requests").hasSize(2);
        }
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        WebhookConfig oneRetry = WebhookHarness.config(dir, Duration.ofSeconds(5), List.of(Duration.ofMillis(50)), true);
        try (Receiver receiver = Receiver.start(r -> r.path().equals("/moved")
                ? new Reply(302, Map.of("Location", "/elsewhere"), Duration.ZERO) : Reply.status(200));
             WebhookHarness h = WebhookHarness.start(dir, oneRetry)) {
            var partner = h.partner("acme");
            Application app = Fixtures.application(h.jdbi(), partner.id(), "one");
            h.change(app.change(receiver.url("/moved"), "pending_step_up"));

            eventually("the callback is given up", () -> states(h, app).equals(List.of("failed")));
            assertThat(receiver.received()).extracting(Receiver.Request::path).containsOnly("/moved");
            JsonNode attempts = awaitAttempts(h, partner, app, 2);
            assertThat(attempts.get(1).get("httpStatus").asInt()).isEqualTo(302);
            assertThat(attempts.get(1).get("error").asString()).contains("redirects are not followed");
            assertThat(attempts.get(0).get("result").asString()).isEqualTo("failed");
        }
    }

    @Test
    void aCallbackGivenUpAfterTheScheduleLetsTheNextOneOfItsApplicationGo() throws Exception {
        List<Duration> twoRetries = List.of(Duration.ofMillis(50), Duration.ofMillis(50));
        try (Receiver receiver = Receiver.start(r -> Reply.status(new String(r.body()).contains("\"first\"") ? 500 : 200));
             WebhookHarness h = WebhookHarness.start(dir, WebhookHarness.config(dir, Duration.ofSeconds(5), twoRetries, true))) {
            var partner = h.partner("acme");
            Application app = Fixtures.application(h.jdbi(), partner.id(), "one");
            h.change(app.change(receiver.url("/hook"), "first"), app.change(receiver.url("/hook"), "second"));

            List<Receiver.Request> requests = receiver.awaitCount(4);
            assertThat(requests).extracting(r -> Json.MAPPER.readTree(r.body()).get("data").get("status").asString())
                    .containsExactly("first", "first", "first", "second");
            eventually("both are finished", () -> states(h, app).equals(List.of("failed", "delivered")));
        }
    }

    @Test
    void aRolledBackChangeQueuesNothingAndAChangeWithoutUrlIsIgnored() throws Exception {
        try (Receiver receiver = Receiver.alwaysOk(); WebhookHarness h = WebhookHarness.start(dir)) {
            var partner = h.partner("acme");
            Application app = Fixtures.application(h.jdbi(), partner.id(), "one");
            try {
                h.jdbi().useTransaction(t -> {
                    h.webhooks.listener().onChange(t, app.change(receiver.url("/hook"), "rolled_back"));
                    throw new IllegalStateException("the change fails after the listener ran");
                });
            } catch (IllegalStateException expected) {
                // the whole transaction, callback included, is gone
            }
            h.change(app.change(null, "no_url"), app.change(receiver.url("/hook"), "committed"));

            Receiver.Request only = receiver.awaitCount(1).getFirst();
            assertThat(Json.MAPPER.readTree(only.body()).get("data").get("status").asString()).isEqualTo("committed");
            assertThat(states(h, app)).hasSize(1);
        }
    }

    @Test
    void privateTargetsAreRefusedAtSendTimeUnlessAllowed() throws Exception {
        WebhookConfig strict = WebhookHarness.config(dir, Duration.ofSeconds(5), List.of(), false);
        try (Receiver receiver = Receiver.alwaysOk(); WebhookHarness h = WebhookHarness.start(dir, strict)) {
            var partner = h.partner("acme");
            Application app = Fixtures.application(h.jdbi(), partner.id(), "one");
            h.change(app.change(receiver.url("/hook"), "pending_step_up"));

            JsonNode attempts = awaitAttempts(h, partner, app, 1);
            assertThat(attempts.get(0).get("error").asString()).contains("refused").contains("loopback");
            assertThat(attempts.get(0).get("result").asString()).isEqualTo("failed");
            assertThat(receiver.received()).isEmpty();
        }
    }

    static List<String> states(WebhookHarness h, Application app) {
        return h.jdbi().withHandle(t -> t.createQuery(
                        "select state from webhook_message where application_id = :app order by seq")
                .bind("app", app.applicationId()).mapTo(String.class).list());
    }

    static JsonNode awaitAttempts(WebhookHarness h, WebhookHarness.Partner partner, Application app, int count)
            throws InterruptedException {
        JsonNode[] last = new JsonNode[1];
        eventually(count + " recorded attempts", () -> {
            try {
                last[0] = h.get(partner, "/webhooks/deliveries?customerId=" + app.customerId()).body()
                        .get("data").get("deliveries");
                return last[0].size() >= count;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        return last[0];
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
