package dev.akepa.webhook;

import dev.akepa.keys.KeyRing;
import dev.akepa.keys.KeysConfig;
import dev.akepa.keys.StartRefused;
import dev.akepa.webhook.Fixtures.Application;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSecretTest {
    @TempDir
    Path dir;

    @Test
    void theSecretIsAWhsecValueStoredOnlyEncryptedInAPrivateKeyFilesCare() throws Exception {
        String secret;
        WebhookConfig config = WebhookHarness.config(dir, Duration.ofSeconds(5), WebhookHarness.FAST_RETRIES, true);
        try (WebhookHarness h = WebhookHarness.start(dir, WebhookHarness.embedded(dir), config)) {
            var partner = h.partner("acme");
            JsonNode data = h.get(partner, "/webhooks/secret").body().get("data");
            secret = data.get("secret").asString();
            assertThat(secret).matches("whsec_[A-Za-z0-9+/]{32}");
            assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(24);
            assertThat(data.has("previousSecret")).isFalse();

            String stored = h.jdbi().withHandle(t -> t.createQuery("select current_secret from webhook_secret")
                    .mapTo(String.class).one());
            assertThat(stored).startsWith("v2:").doesNotContain(secret.substring(6));
            assertThat(Files.getPosixFilePermissions(dir.resolve("master.key")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        try (WebhookHarness restarted = WebhookHarness.start(dir, WebhookHarness.embedded(dir), config)) {
            var partner = restarted.partner("acme");
            assertThat(restarted.get(partner, "/webhooks/secret").body().get("data").get("secret").asString())
                    .as("same secret after a restart with the same key file").isEqualTo(secret);
        }
    }

    @Test
    void aNodeWithAnotherMasterKeyRefusesToStartAndSaysWhy() throws Exception {
        try (WebhookHarness h = WebhookHarness.start(dir)) {
            h.get(h.partner("acme"), "/webhooks/secret");
            KeysConfig foreign = new KeysConfig(Base64.getEncoder().encodeToString(new byte[32]), dir.resolve("unused.key"));
            assertThatThrownBy(() -> KeyRing.open(h.jdbi(), foreign, Clock.systemUTC()))
                    .isInstanceOf(StartRefused.class).hasMessageContaining("master key").hasMessageNotContaining("\n");
        }
    }

    @Test
    void aMasterKeyFromTheEnvironmentMustBe32BytesOfBase64() throws Exception {
        try (WebhookHarness h = WebhookHarness.start(dir)) {
            KeysConfig shortKey = new KeysConfig(Base64.getEncoder().encodeToString(new byte[16]), dir.resolve("unused.key"));
            assertThatThrownBy(() -> KeyRing.open(h.jdbi(), shortKey, Clock.systemUTC())).hasMessageContaining("32 bytes");
            assertThat(dir.resolve("unused.key")).doesNotExist();
            assertThat(shortKey.toString()).doesNotContain(shortKey.masterKeyBase64());
        }
    }

    @Test
    void duringARotationBothSecretsSignAndAfterTheOverlapOnlyTheNewOne() throws Exception {
        MutableClock clock = new MutableClock();
        try (Receiver receiver = Receiver.alwaysOk();
             WebhookHarness h = WebhookHarness.start(dir, WebhookHarness.config(dir, Duration.ofSeconds(5),
                     WebhookHarness.FAST_RETRIES, true), clock)) {
            var partner = h.partner("acme");
            Application app = Fixtures.application(h.jdbi(), partner.id(), "one");
            String old = h.get(partner, "/webhooks/secret").body().get("data").get("secret").asString();

            JsonNode rotated = h.post(partner, "/webhooks/secret/rotate").body().get("data");
            String fresh = rotated.get("secret").asString();
            assertThat(fresh).isNotEqualTo(old);
            assertThat(rotated.get("previousSecret").asString()).isEqualTo(old);
            assertThat(Instant.parse(rotated.get("previousValidUntil").asString()))
                    .isAfter(clock.instant().plus(Duration.ofHours(23)));
            assertThat(h.get(partner, "/webhooks/secret").body().get("data").get("previousSecret").asString()).isEqualTo(old);

            h.change(app.change(receiver.url("/hook"), "during_overlap"));
            Receiver.Request during = receiver.awaitCount(1).get(0);
            assertThat(during.header("webhook-signature").split(" ")).hasSize(2);
            assertThat(verifies(old, during, clock)).isTrue();
            assertThat(verifies(fresh, during, clock)).isTrue();

            clock.advance(Duration.ofHours(25));
            partner = h.partner("acme"); // the API token expired with the clock jump
            assertThat(h.get(partner, "/webhooks/secret").body().get("data").has("previousSecret")).isFalse();
            h.change(app.change(receiver.url("/hook"), "after_overlap"));
            Receiver.Request after = receiver.awaitCount(2).get(1);
            assertThat(after.header("webhook-signature").split(" ")).hasSize(1);
            assertThat(verifies(fresh, after, clock)).isTrue();
            assertThat(verifies(old, after, clock)).isFalse();
        }
    }

    private static boolean verifies(String secret, Receiver.Request r, Clock clock) {
        return new StandardWebhookVerifier(secret).verify(r.webhookId(), r.header("webhook-timestamp"),
                r.header("webhook-signature"), r.body(), clock.instant());
    }
}
