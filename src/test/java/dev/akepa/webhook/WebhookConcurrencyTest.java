package dev.akepa.webhook;

import dev.akepa.json.Json;
import dev.akepa.kyc.ApplicationChange;
import dev.akepa.store.DatabaseConfig;
import dev.akepa.testsupport.PostgresSchema;
import dev.akepa.webhook.Fixtures.Application;
import dev.akepa.webhook.Receiver.Reply;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.akepa.webhook.Fixtures.eventually;
import static org.assertj.core.api.Assertions.assertThat;

class WebhookConcurrencyTest {
    private static final int APPLICATIONS = 6;
    private static final int CHANGES_EACH = 15;

    @TempDir
    Path dir;

    interface DatabaseTest {
        void run(DatabaseConfig db) throws Exception;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void orderPerApplicationHoldsWithConcurrentWorkersAndFailingAttempts(String engine) throws Exception {
        onEngine(engine, this::deliverInOrder);
    }

    private void deliverInOrder(DatabaseConfig db) throws Exception {
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        // every third callback fails its first attempt and is retried; the others of its application must wait
        Function<Receiver.Request, Reply> script = r -> {
            boolean fail = Math.floorMod(r.webhookId().hashCode(), 3) == 0 && failedOnce.add(r.webhookId());
            return new Reply(fail ? 500 : 200, Map.of(), Duration.ofMillis(Math.floorMod(r.webhookId().hashCode(), 7)));
        };
        WebhookConfig config = WebhookHarness.config(dir, Duration.ofSeconds(5), WebhookHarness.FAST_RETRIES, true);
        try (Receiver receiver = Receiver.start(script); WebhookHarness h = WebhookHarness.start(dir, db, config)) {
            var partner = h.partner("acme");
            List<Application> apps = new ArrayList<>();
            for (int a = 0; a < APPLICATIONS; a++) apps.add(Fixtures.application(h.jdbi(), partner.id(), "app" + a));
            for (int n = 0; n < CHANGES_EACH; n++) {
                for (Application app : apps) h.change(app.change(receiver.url("/" + app.applicationId()), "s" + n));
            }
            eventually("every callback is delivered", () -> delivered(h) == APPLICATIONS * CHANGES_EACH);

            Map<String, List<Integer>> sentPerApp = new HashMap<>();
            for (Receiver.Request r : receiver.received()) {
                sentPerApp.computeIfAbsent(r.path(), k -> new ArrayList<>()).add(changeNumber(r));
            }
            assertThat(sentPerApp).hasSize(APPLICATIONS);
            assertThat(failedOnce).isNotEmpty();
            for (List<Integer> sent : sentPerApp.values()) {
                // callback n+1 is never sent before n is delivered: retries of n come right after n, never later
                assertThat(sent).isSorted();
                assertThat(sent.stream().distinct().toList()).hasSize(CHANGES_EACH);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void twoDispatchersOnOneDatabaseNeverSendTheSameCallbackTwice(String engine) throws Exception {
        onEngine(engine, this::deliverWithTwoDispatchers);
    }

    private void deliverWithTwoDispatchers(DatabaseConfig db) throws Exception {
        WebhookConfig config = WebhookHarness.config(dir, Duration.ofSeconds(5), WebhookHarness.FAST_RETRIES, true);
        int applications = 20;
        int changesEach = 15;
        try (Receiver receiver = Receiver.alwaysOk(); WebhookHarness h = WebhookHarness.start(dir, db, config)) {
            SimpleMeterRegistry secondMetrics = new SimpleMeterRegistry();
            Webhooks second = new Webhooks(h.jdbi(), secondMetrics, Clock.systemUTC(), config, h.keys());
            second.start();
            try {
                var partner = h.partner("acme");
                List<Application> apps = new ArrayList<>();
                for (int a = 0; a < applications; a++) apps.add(Fixtures.application(h.jdbi(), partner.id(), "app" + a));
                for (int n = 0; n < changesEach; n++) {
                    for (int a = 0; a < applications; a++) {
                        // alternate the process whose transaction queues the change, so both are woken
                        Webhooks via = a % 2 == 0 ? h.webhooks : second;
                        ApplicationChange change = apps.get(a).change(receiver.url("/" + a), "s" + n);
                        h.jdbi().useTransaction(t -> via.listener().onChange(t, change));
                    }
                }
                eventually("every callback is delivered", () -> delivered(h) == applications * changesEach);
            } finally {
                second.close();
                h.webhooks.close(); // no attempt still in flight when counting
            }
            Map<String, Long> perId = receiver.received().stream()
                    .collect(Collectors.groupingBy(Receiver.Request::webhookId, Collectors.counting()));
            assertThat(perId).hasSize(applications * changesEach);
            assertThat(perId.values()).containsOnly(1L);
            long attempts = h.jdbi().withHandle(t -> t.createQuery("select count(*) from webhook_attempt")
                    .mapTo(Long.class).one());
            assertThat(attempts).isEqualTo(applications * changesEach);
            assertThat(h.metrics.counter("akepa.webhook.delivered").count()).as("first process delivered some").isPositive();
            assertThat(secondMetrics.counter("akepa.webhook.delivered").count()).as("second process delivered some").isPositive();
        }
    }

    /** SQLite in the temp dir, or a throwaway schema in PostgreSQL (skipped when AKEPA_TEST_PG_URL is unset). */
    private void onEngine(String engine, DatabaseTest test) throws Exception {
        if (engine.equals("sqlite")) {
            test.run(WebhookHarness.embedded(dir));
            return;
        }
        PostgresSchema schema = PostgresSchema.createIfConfigured();
        Assumptions.assumeTrue(schema != null, "AKEPA_TEST_PG_URL is not set");
        try (schema) {
            test.run(schema.database(8));
        }
    }

    private static long delivered(WebhookHarness h) {
        return h.jdbi().withHandle(t -> t.createQuery("select count(*) from webhook_message where state = 'delivered'")
                .mapTo(Long.class).one());
    }

    private static int changeNumber(Receiver.Request r) {
        return Integer.parseInt(Json.MAPPER.readTree(r.body()).get("data").get("status").asString().substring(1));
    }
}
