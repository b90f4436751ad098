package dev.akepa.webhook;

import dev.akepa.webhook.Fixtures.Application;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;

import static dev.akepa.webhook.Fixtures.eventually;
import static org.assertj.core.api.Assertions.assertThat;

class WebhookRoutesTest {
    @TempDir
    Path dir;

    @Test
    void everyRouteNeedsAPartnerToken() throws Exception {
        try (WebhookHarness h = WebhookHarness.start(dir)) {
            for (String path : List.of("/webhooks/secret", "/webhooks/deliveries")) {
                assertThat(h.get(null, path).status()).isEqualTo(401);
            }
            assertThat(h.post(null, "/webhooks/secret/rotate").status()).isEqualTo(401);
            assertThat(h.post(null, "/webhooks/deliveries/msg_x/replay").status()).isEqualTo(401);
        }
    }

    @Test
    void deliveriesArePagedNewestFirstAndReplayResendsTheSameCallback() throws Exception {
        try (Receiver receiver = Receiver.alwaysOk(); WebhookHarness h = WebhookHarness.start(dir)) {
            var partner = h.partner("acme");
            Application app = Fixtures.application(h.jdbi(), partner.id(), "one");
            String url = receiver.url("/hook");
            h.change(app.change(url, "s1"), app.change(url, "s2"), app.change(url, "s3"));
            List<Receiver.Request> sent = receiver.awaitCount(3);
            WebhookDeliveryTest.awaitAttempts(h, partner, app, 3);

            String base = "/webhooks/deliveries?customerId=" + app.customerId() + "&pageSize=2";
            JsonNode first = h.get(partner, base).body().get("data");
            assertThat(first.get("total").asLong()).isEqualTo(3);
            assertThat(first.get("deliveries")).extracting(d -> d.get("deliveryId").asString())
                    .containsExactly(sent.get(2).webhookId(), sent.get(1).webhookId());
            JsonNode second = h.get(partner, base + "&page=2").body().get("data");
            assertThat(second.get("deliveries")).extracting(d -> d.get("deliveryId").asString())
                    .containsExactly(sent.get(0).webhookId());
            JsonNode attempt = second.get("deliveries").get(0);
            assertThat(attempt.get("webhookURL").asString()).isEqualTo(url);
            assertThat(attempt.get("applicationId").asString()).isEqualTo(app.applicationId());
            assertThat(attempt.get("httpStatus").asInt()).isEqualTo(200);
            assertThat(attempt.get("latencyMs").asLong()).isNotNegative();
            assertThat(attempt.get("dtsAttemptedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

            String firstId = sent.get(0).webhookId();
            var replay = h.post(partner, "/webhooks/deliveries/" + firstId + "/replay");
            assertThat(replay.status()).isEqualTo(200);
            Receiver.Request replayed = receiver.awaitCount(4).get(3);
            assertThat(replayed.webhookId()).isEqualTo(firstId);
            assertThat(replayed.body()).isEqualTo(sent.get(0).body());
            JsonNode newest = WebhookDeliveryTest.awaitAttempts(h, partner, app, 4).get(0);
            assertThat(newest.get("deliveryId").asString()).isEqualTo(firstId);
            assertThat(newest.get("series").asInt()).isEqualTo(2);
            assertThat(newest.get("attempt").asInt()).isEqualTo(1);
        }
    }

    @Test
    void replayingAGoneCallbackLiftsTheStopForThatUrl() throws Exception {
        try (Receiver receiver = Receiver.start(r -> Receiver.Reply.status(r.index() == 0 ? 410 : 200));
             WebhookHarness h = WebhookHarness.start(dir)) {
            var partner = h.partner("acme");
            Application app = Fixtures.application(h.jdbi(), partner.id(), "one");
            String url = receiver.url("/hook");
            h.change(app.change(url, "s1"));
            String id = receiver.awaitCount(1).get(0).webhookId();
            eventually("the 410 is recorded", () -> WebhookDeliveryTest.states(h, app).equals(List.of("gone")));
            h.change(app.change(url, "s2"));
            assertThat(WebhookDeliveryTest.states(h, app)).as("not queued while gone").containsExactly("gone");

            assertThat(h.post(partner, "/webhooks/deliveries/" + id + "/replay").status()).isEqualTo(200);
            assertThat(receiver.awaitCount(2).get(1).webhookId()).isEqualTo(id);
            h.change(app.change(url, "s3"));
            eventually("later changes reach the URL again",
                    () -> WebhookDeliveryTest.states(h, app).equals(List.of("delivered", "delivered")));
        }
    }

    @Test
    void anotherPartnersCustomersAndDeliveriesDoNotExistForTheCaller() throws Exception {
        try (Receiver receiver = Receiver.alwaysOk(); WebhookHarness h = WebhookHarness.start(dir)) {
            var owner = h.partner("acme");
            var other = h.partner("globex");
            Application app = Fixtures.application(h.jdbi(), owner.id(), "one");
            h.change(app.change(receiver.url("/hook"), "s1"));
            String id = receiver.awaitCount(1).get(0).webhookId();
            WebhookDeliveryTest.awaitAttempts(h, owner, app, 1);

            var customer = h.get(other, "/webhooks/deliveries?customerId=" + app.customerId());
            assertThat(customer.status()).isEqualTo(400);
            assertThat(customer.body().get("code").asString()).isEqualTo("customerNotFound");
            assertThat(h.get(other, "/webhooks/deliveries").body().get("data").get("total").asLong()).isZero();
            for (String deliveryId : List.of(id, "msg_unknown")) {
                var replay = h.post(other, "/webhooks/deliveries/" + deliveryId + "/replay");
                assertThat(replay.status()).isEqualTo(400);
                assertThat(replay.body().get("code").asString()).isEqualTo("deliveryNotFound");
                assertThat(replay.body().get("context").get("deliveryId").asString()).isEqualTo(deliveryId);
            }
            assertThat(h.get(other, "/webhooks/secret").body().get("data").get("secret").asString())
                    .isNotEqualTo(h.get(owner, "/webhooks/secret").body().get("data").get("secret").asString());
        }
    }

    @Test
    void badPagingParametersAreRefused() throws Exception {
        try (WebhookHarness h = WebhookHarness.start(dir)) {
            var partner = h.partner("acme");
            for (String query : List.of("page=0", "page=x", "pageSize=101", "pageSize=-1")) {
                var response = h.get(partner, "/webhooks/deliveries?" + query);
                assertThat(response.status()).as(query).isEqualTo(400);
                assertThat(response.body().get("code").asString()).isEqualTo("invalidParameter");
            }
        }
    }

    @Test
    void deliveriesRetriesAndLagAppearOnTheMetricsEndpoint() throws Exception {
        try (Receiver receiver = Receiver.start(r -> Receiver.Reply.status(r.index() == 0 ? 500 : 200));
             WebhookHarness h = WebhookHarness.start(dir)) {
            var partner = h.partner("acme");
            Application app = Fixtures.application(h.jdbi(), partner.id(), "one");
            h.change(app.change(receiver.url("/hook"), "s1"));
            eventually("the retry is delivered", () -> h.metrics.counter("akepa.webhook.delivered").count() == 1);

            String scrape = h.metricsText();
            assertThat(scrape).contains("akepa_webhook_delivered_total 1.0")
                    .contains("akepa_webhook_retried_total 1.0")
                    .contains("akepa_webhook_failed_total 0.0")
                    .contains("akepa_webhook_lag_seconds_count 1")
                    .contains("akepa_webhook_queue_depth 0.0");
        }
    }
}
