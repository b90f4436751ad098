package dev.akepa.api;

import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.ApiResponse;
import dev.akepa.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.akepa.testsupport.JsonMatch.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

/** AKEPA_RATE_LIMIT per partner: over it 429 with Retry-After; the other partner keeps its own share. */
class RateLimitTest {
    @Test
    void overTheBurstAPartnerGets429AndAnotherPartnerIsNotAffected() throws Exception {
        // 1 request a minute after a burst of 5: the sixth is refused however slow the machine is.
        try (TestServer server = TestServer.start(Map.of("AKEPA_RATE_LIMIT", "0.0166667", "AKEPA_RATE_LIMIT_BURST", "5"))) {
            ApiClient demo = server.demo();
            ApiClient other = server.other();
            for (int i = 0; i < 5; i++) assertThat(demo.get("/akepa/status/cstap_x").status()).isEqualTo(400);
            ApiResponse refused = demo.get("/akepa/status/cstap_x");
            long retryAfter = refused.json().path("context").path("retryAfter").asLong();
            assertThat(retryAfter).isBetween(50L, 60L);
            assertThat(refused.headers().firstValue("Retry-After")).contains(Long.toString(retryAfter));
            assertJson(refused, 429, """
                    {"requestId":"{{requestId}}","code":"tooManyRequests","context":{"retryAfter":%d},"message":"Too many requests; retry after %d s"}"""
                    .formatted(retryAfter, retryAfter));
            assertThat(other.get("/akepa/status/cstap_x").status()).isEqualTo(400);
            // Token issue and health are not partner-limited.
            assertThat(server.client().get("/health/live").status()).isEqualTo(200);
        }
    }

    @Test
    void withoutASettingThereIsNoLimit() throws Exception {
        try (TestServer server = TestServer.start()) {
            ApiClient demo = server.demo();
            for (int i = 0; i < 50; i++) assertThat(demo.get("/akepa/status/cstap_x").status()).isEqualTo(400);
        }
    }

    @Test
    void aRefusedRequestClaimsNoIdempotencyKey() throws Exception {
        try (TestServer server = TestServer.start(Map.of("AKEPA_RATE_LIMIT", "0.0166667", "AKEPA_RATE_LIMIT_BURST", "1"))) {
            ApiClient demo = server.demo().withHeader("Idempotency-Key", "k1");
            assertThat(demo.post("/akepa/identification", "{\"customerId\":\"cstap_x\"}").status()).isEqualTo(400);
            assertThat(demo.post("/akepa/identification", "{\"customerId\":\"cstap_x\"}").status()).isEqualTo(429);
            int keys = server.app().database().jdbi().withHandle(h ->
                    h.createQuery("select count(*) from idempotency_key").mapTo(Integer.class).one());
            assertThat(keys).isEqualTo(1);
        }
    }
}
