package dev.akepa.webhook;

import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.PostgresSchema;
import dev.akepa.testsupport.ServerProcess;
import dev.akepa.webhook.ChangeLoad.Tracked;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.akepa.webhook.CallbackAssertions.assertEveryChangeDeliveredInOrder;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real server processes on one PostgreSQL database, both making changes and both delivering: with a receiver
 * that always answers 200, every callback arrives exactly once (claims with FOR UPDATE SKIP LOCKED and a lease).
 */
class WebhookTwoProcessesTest {
    private static final int CUSTOMERS = 500; // asynchronous identifications: 1,000 changes

    @TempDir
    Path dir;

    @Test
    void twoServersOnOneDatabaseDeliverEachOfAThousandCallbacksExactlyOnce() throws Exception {
        PostgresSchema schema = PostgresSchema.createIfConfigured();
        Assumptions.assumeTrue(schema != null,
                "two server processes need a shared database: set AKEPA_TEST_PG_URL (CI does) to run this test");
        List<Receiver.Request> accepted = Collections.synchronizedList(new ArrayList<>());
        try (schema; Receiver receiver = Receiver.start(r -> {
            accepted.add(r);
            return Receiver.Reply.status(200);
        })) {
            // every node of one installation shares the master key that encrypts the signing secrets
            String masterKey = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));
            List<ServerProcess> nodes = new ArrayList<>();
            try {
                for (String node : List.of("a", "b")) {
                    Map<String, String> env = new HashMap<>();
                    env.put("AKEPA_DB_URL", schema.url());
                    env.put("AKEPA_MASTER_KEY", masterKey);
                    nodes.add(ServerProcess.start(node, env, dir));
                }
                List<ApiClient> apis = nodes.stream().map(ServerProcess::demo).toList();
                List<Tracked> tracked = ChangeLoad.asynchronousIdentifications(apis, CUSTOMERS, receiver.url("/hook"));
                ChangeLoad.awaitVerified(tracked);
                int changes = ChangeLoad.changes(tracked);
                assertThat(changes).isEqualTo(2 * CUSTOMERS);
                WebhookCrashTest.awaitDistinct(accepted, changes, nodes.getFirst(), tracked);
                for (ApiClient api : apis) {
                    assertThat(delivered(api)).as("each node delivered some").isPositive();
                }
                String secret = apis.getFirst().get("/webhooks/secret").dataText("secret");
                assertThat(apis.getLast().get("/webhooks/secret").dataText("secret")).isEqualTo(secret);
                // graceful stop: attempts in flight finish, so a late duplicate would be counted below
                for (ServerProcess node : nodes) node.stop();

                Map<String, Long> perId = List.copyOf(accepted).stream()
                        .collect(Collectors.groupingBy(Receiver.Request::webhookId, Collectors.counting()));
                assertThat(perId).hasSize(changes);
                assertThat(perId.entrySet()).filteredOn(e -> e.getValue() != 1).as("delivered more than once").isEmpty();
                assertEveryChangeDeliveredInOrder(List.copyOf(accepted), tracked, secret);
                assertThat(tracked.stream().map(Tracked::api).distinct()).as("both nodes made changes").hasSize(2);
            } finally {
                for (ServerProcess node : nodes) node.close();
            }
        }
    }

    /** akepa_webhook_delivered_total of the node behind {@code api}: what that process recorded. */
    private static double delivered(ApiClient api) {
        return api.get("/metrics").raw().lines()
                .filter(line -> line.startsWith("akepa_webhook_delivered_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
