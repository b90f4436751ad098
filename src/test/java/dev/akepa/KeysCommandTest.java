package dev.akepa;

import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.ApiResponse;
import dev.akepa.testsupport.Fixtures;
import dev.akepa.testsupport.Journeys;
import dev.akepa.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** `./akepa keys rotate | status` against a running server's database, while it takes journeys. */
class KeysCommandTest {
    record Run(int exitCode, String out) {}

    private static synchronized Run akepa(Map<String, String> env, String... args) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            // A command needs a connection or two, not the server's pool of 16 (PostgreSQL's client limit is shared).
            Map<String, String> command = new java.util.HashMap<>(env);
            command.put("AKEPA_DB_POOL_SIZE", "2");
            return new Run(Cli.run(args, command), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void rotationUnderLoadLosesNothingAndRetiresTheOldVersion() throws Exception {
        try (TestServer server = TestServer.start()) {
            ApiClient demo = server.demo();
            Journeys journeys = new Journeys(demo);
            Map<String, String> lastNames = new ConcurrentHashMap<>();
            for (int i = 0; i < 5; i++) {
                String name = "Before" + i;
                lastNames.put(journeys.initIndividual(name), name);
            }
            assertThat(akepa(server.env(), "keys", "status").out()).containsPattern("1\\s+active");

            AtomicBoolean rotating = new AtomicBoolean(true);
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            Thread load = Thread.ofPlatform().start(() -> {
                int i = 0;
                while (rotating.get() && i < 200) {
                    try {
                        String name = "During" + i++;
                        String id = demo.post("/customer/init", Fixtures.individual(name)).dataText("customerId");
                        lastNames.put(id, name);
                        for (var e : lastNames.entrySet()) {
                            ApiResponse status = demo.get("/customer/status/" + e.getKey());
                            assertThat(status.data().get("customer").get("lastName").asString()).isEqualTo(e.getValue());
                            break;
                        }
                    } catch (Throwable t) {
                        failures.add(t);
                        return;
                    }
                }
            });
            Run rotated = akepa(server.env(), "keys", "rotate");
            rotating.set(false);
            load.join();

            assertThat(failures).isEmpty();
            assertThat(rotated.exitCode()).isZero();
            assertThat(rotated.out()).contains("version 2 added").contains("retired versions: [1]")
                    .containsPattern("1\\s+retired\\s+\\S+\\s+0").containsPattern("2\\s+active");
            server.restart();
            ApiClient again = server.demo();
            for (var e : lastNames.entrySet()) {
                assertThat(again.get("/customer/status/" + e.getKey()).data().get("customer").get("lastName").asString())
                        .as("readable after the old version's material is gone").isEqualTo(e.getValue());
            }
            assertThat(akepa(server.env(), "keys", "bogus").exitCode()).isEqualTo(2);
        }
    }
}
