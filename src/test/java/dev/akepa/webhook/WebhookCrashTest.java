package dev.akepa.webhook;

import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.PostgresSchema;
import dev.akepa.testsupport.ServerProcess;
import dev.akepa.webhook.ChangeLoad.Tracked;
import dev.akepa.webhook.Receiver.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.akepa.webhook.CallbackAssertions.assertEveryChangeDeliveredInOrder;
import static dev.akepa.webhook.Fixtures.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of a real server process with about 500 callbacks queued and attempts in flight: after a restart on the
 * same data every change reaches the receiver, in order per application. On PostgreSQL when AKEPA_TEST_PG_URL is
 * set, else on the embedded SQLite file database.
 */
class WebhookCrashTest {
    private static final int ASYNCHRONOUS = 200;   // two changes each
    private static final int REVIEWED = 34;        // three changes each
    private static final Duration DELIVERY_LIMIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void everyQueuedChangeIsDeliveredInOrderAfterTheServerIsKilledWithAttemptsInFlight() throws Exception {
        AtomicBoolean accepting = new AtomicBoolean(false);
        List<Receiver.Request> accepted = Collections.synchronizedList(new ArrayList<>());
        // Until the restart the receiver is slow and failing: when the kill comes, attempts are in flight (their
        // claims die with the process) and every callback is queued for a retry.
        try (Receiver receiver = Receiver.start(r -> {
                 if (!accepting.get()) return new Reply(503, Map.of(), Duration.ofMillis(200));
                 accepted.add(r);
                 return Reply.status(200);
             });
             PostgresSchema schema = PostgresSchema.createIfConfigured()) {
            Map<String, String> env = new HashMap<>();
            env.put("AKEPA_WEBHOOK_TIMEOUT", "1s");
            env.put("AKEPA_WEBHOOK_RETRY_SCHEDULE", String.join(",", Collections.nCopies(300, "1s")));
            if (schema != null) env.put("AKEPA_DB_URL", schema.url());
            String url = receiver.url("/hook");

            List<Tracked> tracked = new ArrayList<>();
            String secret;
            ServerProcess first = ServerProcess.start("first", env, dir);
            try {
                ApiClient api = first.demo();
                tracked.addAll(ChangeLoad.asynchronousIdentifications(List.of(api), ASYNCHRONOUS, url));
                ChangeLoad.awaitVerified(tracked);
                tracked.addAll(ChangeLoad.reviewedJourneys(api, REVIEWED, url));
                assertThat(queueDepth(api)).as("every change queued one callback, none delivered")
                        .isEqualTo(ChangeLoad.changes(tracked));
                eventually("attempts are being made", () -> receiver.received().size() >= 100);
                secret = api.get("/webhooks/secret").dataText("secret");
                first.kill();
            } finally {
                first.close();
            }

            accepting.set(true);
            try (ServerProcess second = first.startAnother("second")) {
                int changes = ChangeLoad.changes(tracked);
                awaitDistinct(accepted, changes, second, tracked);
                assertThat(second.demo().get("/webhooks/secret").dataText("secret"))
                        .as("the signing secret survives").isEqualTo(secret);
            }
            assertEveryChangeDeliveredInOrder(List.copyOf(accepted), tracked, secret);
        }
    }

    /** akepa_webhook_queue_depth: callbacks pending or waiting in the whole database, read at scrape time. */
    static long queueDepth(ApiClient api) {
        return api.get("/metrics").raw().lines()
                .filter(line -> line.startsWith("akepa_webhook_queue_depth "))
                .map(line -> (long) Double.parseDouble(line.substring(line.indexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no akepa_webhook_queue_depth on /metrics"));
    }

    /** Waits until {@code count} different webhook-ids were accepted; a bound for failing, not a timing assertion. */
    static void awaitDistinct(List<Receiver.Request> accepted, int count, ServerProcess server, List<Tracked> tracked)
            throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERY_LIMIT.toNanos();
        while (distinct(accepted) < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + distinct(accepted) + " of " + count + " callbacks delivered; "
                        + "delivery log of an application still waiting:\n" + stillWaiting(accepted, server, tracked)
                        + "\n" + server.logTail(60));
            }
            Thread.sleep(100);
        }
    }

    private static String stillWaiting(List<Receiver.Request> accepted, ServerProcess server, List<Tracked> tracked) {
        Map<String, Long> perCustomer;
        synchronized (accepted) {
            perCustomer = accepted.stream().map(r -> r.webhookId() + " " + dev.akepa.json.Json.MAPPER.readTree(r.body())
                            .get("data").get("customerId").asString()).distinct()
                    .collect(java.util.stream.Collectors.groupingBy(s -> s.substring(s.indexOf(' ') + 1),
                            java.util.stream.Collectors.counting()));
        }
        ApiClient api = server.demo();
        StringBuilder out = new StringBuilder();
        tracked.stream().filter(t -> perCustomer.getOrDefault(t.customerId(), 0L) < t.states().size()).limit(3)
                .forEach(t -> out.append(t.customerId()).append(": ")
                        .append(api.get("/webhooks/deliveries?pageSize=5&customerId=" + t.customerId()).raw()).append('\n'));
        return out.toString();
    }

    private static int distinct(List<Receiver.Request> accepted) {
        synchronized (accepted) {
            return new HashSet<>(accepted.stream().map(Receiver.Request::webhookId).toList()).size();
        }
    }
}
