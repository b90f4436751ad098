package dev.akepa.webhook;

import dev.akepa.store.Database;
import dev.akepa.store.DatabaseConfig;
import dev.akepa.testsupport.PostgresSchema;
import dev.akepa.webhook.Fixtures.Application;
import dev.akepa.webhook.OutboxStore.Attempt;
import dev.akepa.webhook.OutboxStore.Claimed;
import dev.akepa.webhook.OutboxStore.Finished;
import dev.akepa.webhook.OutboxStore.Lease;
import dev.akepa.webhook.OutboxStore.NewMessage;
import dev.akepa.webhook.OutboxStore.Result;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Recording attempts in batches against the real database: a batch never queues behind a change in progress. */
class AttemptRecordingTest {
    @TempDir
    Path dir;

    /**
     * PostgreSQL only: its changes lock rows, and a batch must not wait for one. On SQLite a change holds the whole
     * file's write lock, so a batch waits for it as for any other write (and this test's one thread would wait for
     * itself).
     */
    @Test
    @Timeout(60)
    void anAttemptWhoseApplicationIsBeingChangedIsDeferredWhileTheRestOfTheBatchIsRecorded() {
        withDatabase("postgresql", jdbi -> {
            OutboxStore store = new OutboxStore(jdbi);
            long partner = Fixtures.partner(jdbi, "acme");
            Application busy = Fixtures.application(jdbi, partner, "busy");
            Application idle = Fixtures.application(jdbi, partner, "idle");
            long now = System.currentTimeMillis();
            Lease lease = new Lease("claim-1", now + 60_000);
            Claimed busyHead = queue(jdbi, store, busy, lease, now);
            Claimed idleHead = queue(jdbi, store, idle, lease, now);
            Attempt delivered = new Attempt(now, 200, 3, Result.DELIVERED, null, 0);

            try (Handle change = jdbi.open()) {
                // a change of the busy application in progress: its row is locked until that transaction ends
                change.begin();
                change.createQuery("select id from application where id = :id for update")
                        .bind("id", busy.applicationId()).mapTo(String.class).one();

                OutboxStore.Recorded first = store.record(
                        List.of(new Finished(busyHead, delivered), new Finished(idleHead, delivered)), now, null);
                assertThat(first.recorded()).extracting(f -> f.claimed().id()).containsExactly(idleHead.id());
                assertThat(first.deferred()).extracting(f -> f.claimed().id()).containsExactly(busyHead.id());
                assertThat(state(jdbi, busyHead)).isEqualTo("pending");
                change.rollback();
            }
            OutboxStore.Recorded later = store.record(List.of(new Finished(busyHead, delivered)), now, null);
            assertThat(later.recorded()).hasSize(1);
            assertThat(later.deferred()).isEmpty();
            assertThat(List.of(state(jdbi, busyHead), state(jdbi, idleHead))).containsOnly("delivered");
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    @Timeout(60)
    void anAttemptWhoseApplicationWasDeletedMeanwhileIsDroppedNotDeferredForever(String engine) {
        withDatabase(engine, jdbi -> {
            OutboxStore store = new OutboxStore(jdbi);
            long partner = Fixtures.partner(jdbi, "acme");
            Application reset = Fixtures.application(jdbi, partner, "reset");
            long now = System.currentTimeMillis();
            Claimed head = queue(jdbi, store, reset, new Lease("claim-1", now + 60_000), now);
            // what POST /akepa/sandbox/reset does while the callback is in flight
            jdbi.useTransaction(h -> {
                h.execute("delete from webhook_message where application_id = ?", reset.applicationId());
                h.execute("delete from entity_application where application_id = ?", reset.applicationId());
                h.execute("delete from application where id = ?", reset.applicationId());
            });

            OutboxStore.Recorded done = store.record(
                    List.of(new Finished(head, new Attempt(now, 200, 3, Result.DELIVERED, null, 0))), now, null);

            assertThat(done.recorded()).isEmpty();
            assertThat(done.deferred()).isEmpty();
        });
    }

    private void withDatabase(String engine, java.util.function.Consumer<Jdbi> test) {
        DatabaseConfig config;
        PostgresSchema schema = null;
        if (engine.equals("sqlite")) {
            config = WebhookHarness.embedded(dir);
        } else {
            schema = PostgresSchema.createIfConfigured();
            Assumptions.assumeTrue(schema != null, "AKEPA_TEST_PG_URL is not set");
            config = schema.database(8);
        }
        try (Database database = Database.open(config)) {
            test.accept(database.jdbi());
        } finally {
            if (schema != null) schema.close();
        }
    }

    private static Claimed queue(Jdbi jdbi, OutboxStore store, Application app, Lease lease, long now) {
        NewMessage message = new NewMessage("msg_" + app.applicationId(), app.partnerId(), app.applicationId(),
                app.customerId(), "http://127.0.0.1:9/hook", "{}", now, now);
        return jdbi.inTransaction(h -> store.enqueue(h, message, lease)).orElseThrow();
    }

    private static String state(Jdbi jdbi, Claimed message) {
        return jdbi.withHandle(h -> h.createQuery("select state from webhook_message where id = :id")
                .bind("id", message.id()).mapTo(String.class).one());
    }
}
