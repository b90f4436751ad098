package dev.akepa.api;

import dev.akepa.review.ReviewClient;
import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.ApiResponse;
import dev.akepa.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.akepa.testsupport.JsonMatch.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

/** Failed logins back off per login and per client address, for partners and reviewers alike. */
class LoginThrottlingTest {
    private static final String UNAUTHORIZED = """
            {"requestId":"{{requestId}}","code":"unauthorized","message":"Authentication error"}""";

    private static ApiResponse getToken(ApiClient client, String login, String password) {
        return client.post("/auth/get-token", "{\"user\":{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}}");
    }

    /** The exact envelope, with Retry-After equal to context.retryAfter and within a second of the back-off. */
    static void assertThrottled(ApiResponse r, long backoffSeconds) {
        assertThat(r.status()).as(r.raw()).isEqualTo(429);
        long retryAfter = r.json().path("context").path("retryAfter").asLong();
        assertThat(retryAfter).isBetween(backoffSeconds - 5, backoffSeconds);
        assertThat(r.headers().firstValue("Retry-After")).contains(Long.toString(retryAfter));
        assertJson(r, 429, """
                {"requestId":"{{requestId}}","code":"tooManyRequests","context":{"retryAfter":%d},"message":"Too many requests; retry after %d s"}"""
                .formatted(retryAfter, retryAfter));
    }

    @Test
    void afterTheFreeFailuresALoginBacksOffAndEvenTheRightPasswordWaits() throws Exception {
        try (TestServer server = TestServer.start(Map.of("AKEPA_LOGIN_MAX_FAILURES", "3", "AKEPA_LOGIN_BACKOFF", "10m"))) {
            ApiClient client = server.client();
            for (int i = 0; i < 4; i++) assertJson(getToken(client, "demo", "wrong-" + i), 401, UNAUTHORIZED);
            assertThrottled(getToken(client, "demo", "demo-password"), 600);
            assertThrottled(getToken(client, "demo", "wrong"), 600);
            // Another login from the same address is not held back by demo's failures.
            assertThat(getToken(client, "other", "other-password").status()).isEqualTo(200);
        }
    }

    @Test
    void unknownLoginsCountTooAndAnswerExactlyAsAWrongPassword() throws Exception {
        try (TestServer server = TestServer.start(Map.of("AKEPA_LOGIN_MAX_FAILURES", "2", "AKEPA_LOGIN_BACKOFF", "10m"))) {
            ApiClient client = server.client();
            for (int i = 0; i < 3; i++) assertJson(getToken(client, "nobody", "x"), 401, UNAUTHORIZED);
            assertThrottled(getToken(client, "nobody", "x"), 600);
        }
    }

    @Test
    void oneAddressSprayingManyLoginsIsHeldBackForEveryLogin() throws Exception {
        try (TestServer server = TestServer.start(Map.of("AKEPA_LOGIN_MAX_FAILURES_PER_ADDRESS", "5",
                "AKEPA_LOGIN_BACKOFF", "10m"))) {
            ApiClient client = server.client();
            for (int i = 0; i < 6; i++) assertJson(getToken(client, "guess" + i, "x"), 401, UNAUTHORIZED);
            assertThrottled(getToken(client, "demo", "demo-password"), 600);
        }
    }

    @Test
    void aSuccessClearsTheCountAndBackOffEnds() throws Exception {
        try (TestServer server = TestServer.start(Map.of("AKEPA_LOGIN_MAX_FAILURES", "2", "AKEPA_LOGIN_BACKOFF", "3s"))) {
            ApiClient client = server.client();
            for (int i = 0; i < 2; i++) getToken(client, "demo", "wrong");
            assertThat(getToken(client, "demo", "demo-password").status()).isEqualTo(200);
            for (int i = 0; i < 2; i++) assertThat(getToken(client, "demo", "wrong").status()).isEqualTo(401);
            assertThat(getToken(client, "demo", "wrong").status()).isEqualTo(401);
            assertThat(getToken(client, "demo", "demo-password").status()).isEqualTo(429);
            Thread.sleep(3_100);
            assertThat(getToken(client, "demo", "demo-password").status()).isEqualTo(200);
        }
    }

    @Test
    void reviewerLoginsShareTheThrottle() throws Exception {
        try (TestServer server = TestServer.start(Map.of("AKEPA_LOGIN_MAX_FAILURES", "2", "AKEPA_LOGIN_BACKOFF", "10m"))) {
            server.createReviewer("alice", "correct horse battery");
            ReviewClient reviewer = new ReviewClient(server);
            for (int i = 0; i < 3; i++) assertJson(reviewer.apiToken("alice", "wrong password!"), 401, UNAUTHORIZED);
            assertThrottled(reviewer.apiToken("alice", "correct horse battery"), 600);
        }
    }
}
