package dev.akepa.webhook;

import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.ApiResponse;
import dev.akepa.testsupport.Journeys;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.akepa.testsupport.Fixtures.individual;
import static dev.akepa.testsupport.Fixtures.issuableSsn;
import static dev.akepa.testsupport.Fixtures.reference;
import static dev.akepa.webhook.Fixtures.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Application changes made through the real API by a few parallel clients, remembering the status data after each
 * change: exactly what that change's callback must carry, in that order.
 */
final class ChangeLoad {
    private static final int CLIENTS = 8;

    /** One customer's application and the /akepa/status data after each of its changes, oldest first. */
    record Tracked(String customerId, String reference, ApiClient api, List<JsonNode> states) {
        Tracked {
            states = new ArrayList<>(states);
        }
    }

    private ChangeLoad() {}

    /**
     * Individuals identified with syncMode (asynchronous): "running" now, then the background verification's
     * pending_step_up, two changes each. Customers are spread over the given clients (servers) in turn.
     */
    static List<Tracked> asynchronousIdentifications(List<ApiClient> apis, int customers, String webhookUrl)
            throws InterruptedException {
        List<Callable<Tracked>> work = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            ApiClient api = apis.get(i % apis.size());
            work.add(() -> {
                String reference = reference();
                String customerId = ok(api.post("/customer/init", individual(reference,
                        "Smith", issuableSsn()))).dataText("customerId");
                JsonNode running = ok(api.post("/akepa/identification",
                        "{\"customerId\":\"%s\",\"syncMode\":true,\"webhookURL\":\"%s\"}".formatted(customerId, webhookUrl)))
                        .data();
                assertThat(running.get("status").asString()).isEqualTo("running");
                return new Tracked(customerId, reference, api, List.of(running));
            });
        }
        return runAll(work);
    }

    /** Individuals named WaitReview: pending_step_up, waiting_review after documents, completed after a review. */
    static List<Tracked> reviewedJourneys(ApiClient api, int customers, String webhookUrl) throws InterruptedException {
        List<Callable<Tracked>> work = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            work.add(() -> {
                String reference = reference();
                String customerId = ok(api.post("/customer/init", individual(reference,
                        "WaitReview", issuableSsn()))).dataText("customerId");
                List<JsonNode> states = new ArrayList<>();
                states.add(ok(api.post("/akepa/identification",
                        "{\"customerId\":\"%s\",\"webhookURL\":\"%s\"}".formatted(customerId, webhookUrl))).data());
                states.add(new Journeys(api).attachLicence(customerId, customerId).data());
                states.add(ok(api.post("/akepa/sandbox/review",
                        "{\"customerId\":\"%1$s\",\"entityId\":\"%1$s\",\"outcome\":\"denied\"}".formatted(customerId)))
                        .data());
                return new Tracked(customerId, reference, api, states);
            });
        }
        return runAll(work);
    }

    /** Waits until the background verifications ran, and adds the state each one left. */
    static void awaitVerified(List<Tracked> tracked) throws InterruptedException {
        for (Tracked t : tracked) {
            JsonNode[] now = new JsonNode[1];
            eventually("verification of " + t.customerId(), () -> {
                now[0] = ok(t.api().get("/akepa/status/" + t.customerId())).data();
                return !now[0].get("status").asString().equals("running");
            });
            t.states().add(now[0]);
        }
    }

    static int changes(List<Tracked> tracked) {
        return tracked.stream().mapToInt(t -> t.states().size()).sum();
    }

    private static List<Tracked> runAll(List<Callable<Tracked>> work) throws InterruptedException {
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<Tracked>> futures = pool.invokeAll(work);
            List<Tracked> done = new ArrayList<>(futures.size());
            for (Future<Tracked> f : futures) done.add(f.get());
            return done;
        } catch (ExecutionException e) {
            throw new AssertionError("making a change through the API failed", e.getCause());
        }
    }

    private static ApiResponse ok(ApiResponse r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r;
    }
}
