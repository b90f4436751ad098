package dev.akepa.api;

import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.ApiResponse;
import dev.akepa.testsupport.Fixtures;
import dev.akepa.testsupport.Images;
import dev.akepa.testsupport.ServerExtension;
import dev.akepa.testsupport.TestServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.akepa.testsupport.JsonMatch.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency-Key on partner POSTs: replay byte for byte, refuse reuse, one winner under concurrency. */
class IdempotencyKeyTest {
    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private static ApiClient keyed(String key) {
        return running.api().withHeader("Idempotency-Key", key);
    }

    private static Jdbi db() {
        return running.server().app().database().jdbi();
    }

    private static String key() {
        return "key-" + UUID.randomUUID();
    }

    private static boolean replayed(ApiResponse r) {
        return r.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false);
    }

    @Test
    void theSameKeyAndBodyGetTheStoredResponseByteForByte() {
        ApiClient client = keyed(key());
        String body = Fixtures.individual("Replay");
        ApiResponse first = client.post("/customer/init", body);
        ApiResponse again = client.post("/customer/init", body);
        assertThat(first.status()).isEqualTo(200);
        assertThat(replayed(first)).isFalse();
        assertThat(again.status()).isEqualTo(200);
        assertThat(replayed(again)).isTrue();
        assertThat(again.raw()).isEqualTo(first.raw());
        assertThat(again.headers().firstValue("x-request-id")).isEqualTo(first.headers().firstValue("x-request-id"));
        // Without the key the same body is a second attempt at the same customer: the first one happened once.
        assertThat(running.api().post("/customer/init", body).json().get("code").asString()).isEqualTo("customerExists");
    }

    @Test
    void anErrorIsStoredAndReplayedToo() {
        ApiClient client = keyed(key());
        ApiResponse first = client.post("/akepa/identification", "{\"customerId\":\"cstap_nope\"}");
        ApiResponse again = client.post("/akepa/identification", "{\"customerId\":\"cstap_nope\"}");
        assertThat(first.status()).isEqualTo(400);
        assertThat(again.raw()).isEqualTo(first.raw());
        assertThat(replayed(again)).isTrue();
    }

    @Test
    void theSameKeyWithAnotherBodyOrRouteIsRefused() {
        ApiClient client = keyed(key());
        assertThat(client.post("/customer/init", Fixtures.individual("First")).status()).isEqualTo(200);
        String reused = """
                {"requestId":"{{requestId}}","code":"idempotencyKeyReused","message":"Idempotency-Key was already used with a different request"}""";
        assertJson(client.post("/customer/init", Fixtures.individual("Second")), 400, reused);
        assertJson(client.post("/akepa/identification", "{\"customerId\":\"cstap_x\"}"), 400, reused);
    }

    @Test
    void keysArePerPartner() {
        String key = key();
        assertThat(keyed(key).post("/customer/init", Fixtures.individual("Mine")).status()).isEqualTo(200);
        ApiResponse other = running.server().other().withHeader("Idempotency-Key", key)
                .post("/customer/init", Fixtures.individual("Theirs"));
        assertThat(other.status()).isEqualTo(200);
        assertThat(replayed(other)).isFalse();
    }

    @Test
    void aKeyOutside1To255VisibleCharactersIsInvalid() {
        String invalid = """
                {"requestId":"{{requestId}}","code":"idempotencyKeyInvalid","message":"Idempotency-Key must be 1-255 printable ASCII characters"}""";
        assertJson(keyed("k".repeat(256)).post("/akepa/identification", "{\"customerId\":\"cstap_x\"}"), 400, invalid);
        assertJson(keyed("").post("/akepa/identification", "{\"customerId\":\"cstap_x\"}"), 400, invalid);
        assertThat(keyed("k".repeat(255)).post("/akepa/identification", "{\"customerId\":\"cstap_x\"}").json()
                .get("code").asString()).isEqualTo("customerNotFound");
    }

    @Test
    void aKeyStillRunningElsewhereIsInProgressUntilItsLeaseEnds() {
        String key = key();
        long partner = db().withHandle(h -> h.createQuery("select id from partner where login = 'demo'").mapTo(Long.class).one());
        long now = System.currentTimeMillis();
        db().useHandle(h -> h.execute("insert into idempotency_key (partner_id, idem_key, fingerprint, locked_until, created_at) "
                + "values (?, ?, 'x', ?, ?)", partner, key, now + 60_000, now));
        assertJson(keyed(key).post("/akepa/identification", "{\"customerId\":\"cstap_x\"}"), 409, """
                {"requestId":"{{requestId}}","code":"idempotencyKeyInProgress","message":"A request with this Idempotency-Key is still in progress"}""");
        // Its node died: once the lease is over the next request runs.
        db().useHandle(h -> h.execute("update idempotency_key set locked_until = ? where idem_key = ?", now - 1, key));
        ApiResponse taken = keyed(key).post("/akepa/identification", "{\"customerId\":\"cstap_x\"}");
        assertThat(taken.json().get("code").asString()).isEqualTo("customerNotFound");
        assertThat(replayed(taken)).isFalse();
    }

    @Test
    void concurrentRequestsWithOneKeyRunOnce() throws Exception {
        ApiClient client = keyed(key());
        String body = Fixtures.individual("Concurrent");
        List<ApiResponse> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<ApiResponse>> futures = new ArrayList<>();
            Callable<ApiResponse> call = () -> client.post("/customer/init", body);
            for (int i = 0; i < 8; i++) futures.add(pool.submit(call));
            for (Future<ApiResponse> f : futures) responses.add(f.get());
        }
        List<ApiResponse> ran = responses.stream().filter(r -> r.status() == 200 && !replayed(r)).toList();
        assertThat(ran).hasSize(1);
        for (ApiResponse r : responses) {
            if (r.status() == 200) assertThat(r.raw()).isEqualTo(ran.getFirst().raw());
            else assertThat(r.json().get("code").asString()).isEqualTo("idempotencyKeyInProgress");
        }
    }

    @Test
    void anUploadReplaysByFileContentWhateverTheBoundary() {
        String documentId = running.api().post("/akepa/document/generate", Fixtures.generate("jpg", "license", "front")).dataText("id");
        ApiClient client = keyed(key());
        byte[] image = Images.jpeg(4096);
        ApiResponse first = client.upload(documentId, image, "front.jpg");
        ApiResponse again = client.upload(documentId, image, "front.jpg");
        assertThat(first.status()).isEqualTo(200);
        assertThat(again.raw()).isEqualTo(first.raw());
        assertThat(replayed(again)).isTrue();
        assertThat(client.upload(documentId, Images.jpeg(4097), "front.jpg").json().get("code").asString())
                .isEqualTo("idempotencyKeyReused");
    }

    @Test
    void aKeyHoldsAcrossARestartAndExpiresAfterADay() throws Exception {
        try (TestServer server = TestServer.start()) {
            String key = key();
            ApiClient client = server.demo().withHeader("Idempotency-Key", key);
            String body = Fixtures.individual("Restart");
            ApiResponse first = client.post("/customer/init", body);
            server.restart();
            ApiClient after = server.demo().withHeader("Idempotency-Key", key);
            ApiResponse again = after.post("/customer/init", body);
            assertThat(again.raw()).isEqualTo(first.raw());
            assertThat(replayed(again)).isTrue();
            Jdbi jdbi = server.app().database().jdbi();
            jdbi.useHandle(h -> h.execute("update idempotency_key set created_at = ? where idem_key = ?",
                    System.currentTimeMillis() - 25 * 3600_000L, key));
            ApiResponse expired = after.post("/customer/init", body);
            assertThat(replayed(expired)).isFalse();
            assertThat(expired.json().get("code").asString()).isEqualTo("customerExists");
        }
    }
}
