package dev.akepa.api;

import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.ApiResponse;
import dev.akepa.testsupport.Images;
import dev.akepa.testsupport.Journeys;
import dev.akepa.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** Restarts keep everything; concurrent identifications make one application; async work survives restarts. */
class DurabilityTest {

    @Test
    void statusesAndDocumentBytesSurviveARestart() throws Exception {
        try (TestServer server = TestServer.start()) {
            ApiClient api = server.demo();
            Journeys j = new Journeys(api);
            String approved = j.initIndividual("Smith");
            j.identify(approved);
            j.attachLicence(approved, approved);
            String waiting = j.initIndividual("WaitReview");
            j.identify(waiting);
            String documentId = api.post("/akepa/document/generate", "{\"workflow\":\"PERSONAL\",\"name\":\"front\",\"extension\":\"png\",\"type\":\"passport\"}").dataText("id");
            byte[] image = Images.png(70_000);
            api.upload(documentId, image, "passport.png");
            ApiResponse approvedBefore = j.status(approved);
            ApiResponse waitingBefore = j.status(waiting);

            server.restart();

            ApiClient again = server.demo();
            assertThat(new Journeys(again).status(approved).data()).isEqualTo(approvedBefore.data());
            assertThat(new Journeys(again).status(waiting).data()).isEqualTo(waitingBefore.data());
            assertThat(new Journeys(again).kycStatus(approved)).isEqualTo("APPROVED");
            assertThat(sha256OfStored(server, documentId)).isEqualTo(sha256(image));
            // The old token is still valid after a restart: tokens live in the database.
            assertThat(server.client().withToken(api.token()).get("/akepa/status/" + approved).status()).isEqualTo(200);
        }
    }

    @Test
    void twentyParallelIdentificationsMakeExactlyOneApplication() throws Exception {
        try (TestServer server = TestServer.start()) {
            ApiClient api = server.demo();
            String customerId = new Journeys(api).initIndividual("Smith");
            Set<String> applicationIds = ConcurrentHashMap.newKeySet();
            List<Integer> statuses = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            try (var pool = Executors.newFixedThreadPool(20)) {
                var futures = new ArrayList<java.util.concurrent.Future<ApiResponse>>();
                for (int i = 0; i < 20; i++) {
                    futures.add(pool.submit(() -> {
                        go.await();
                        return api.post("/akepa/identification", "{\"customerId\":\"" + customerId + "\"}");
                    }));
                }
                go.countDown();
                for (var f : futures) {
                    ApiResponse r = f.get();
                    statuses.add(r.status());
                    if (r.status() == 200) applicationIds.add(r.dataText("applicationId"));
                }
            }
            assertThat(statuses).containsOnly(200);
            assertThat(applicationIds).hasSize(1);
            int rows = server.app().database().jdbi().withHandle(h ->
                    h.createQuery("select count(*) from application where customer_id = :c").bind("c", customerId)
                            .mapTo(Integer.class).one());
            assertThat(rows).isEqualTo(1);
        }
    }

    @Test
    void anAsyncApplicationInterruptedByARestartCompletesAfterIt() throws Exception {
        try (TestServer server = TestServer.start(Map.of("AKEPA_VERIFICATION_WORKER", "false"))) {
            ApiClient api = server.demo();
            String customerId = new Journeys(api).initIndividual("Denied");
            ApiResponse r = api.post("/akepa/identification", "{\"customerId\":\"" + customerId + "\",\"syncMode\":true}");
            assertThat(r.dataText("status")).isEqualTo("running");
            assertThat(new Journeys(api).status(customerId).dataText("status")).isEqualTo("running");

            server.restart(Map.of("AKEPA_VERIFICATION_WORKER", "true"));

            Journeys j = new Journeys(server.demo());
            String status = "running";
            for (int i = 0; i < 200 && status.equals("running"); i++) {
                Thread.sleep(50);
                status = j.status(customerId).dataText("status");
            }
            assertThat(status).isEqualTo("completed");
            assertThat(j.status(customerId).dataText("outcome")).isEqualTo("Denied");
        }
    }

    @Test
    void expiredTokensArePurgedWhenNewTokensAreIssued() throws Exception {
        try (TestServer server = TestServer.start(Map.of("AKEPA_TOKEN_TTL", "1ms"))) {
            server.demo();
            Thread.sleep(5);
            server.demo();
            int rows = server.app().database().jdbi().withHandle(h ->
                    h.createQuery("select count(*) from api_token").mapTo(Integer.class).one());
            assertThat(rows).isEqualTo(1);
        }
    }

    private static String sha256OfStored(TestServer server, String documentId) throws Exception {
        String key = server.app().database().jdbi().withHandle(h ->
                h.createQuery("select storage_key from document where id = :id").bind("id", documentId).mapTo(String.class).one());
        // The store holds ciphertext; the vault opens it with the document's own key.
        long partnerId = server.app().database().jdbi().withHandle(h ->
                h.createQuery("select partner_id from document where id = :id").bind("id", documentId).mapTo(Long.class).one());
        try (InputStream in = server.app().documentVault().open(partnerId, documentId, key)) {
            return sha256(in.readAllBytes());
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
