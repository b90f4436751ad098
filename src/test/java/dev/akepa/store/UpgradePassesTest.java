package dev.akepa.store;

import dev.akepa.testsupport.PostgresSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpgradePassesTest {
    @TempDir
    Path dataDir;

    @Test
    void aFinishedPassDoesNotRunAgainButAFailedOneDoes() throws Exception {
        try (PostgresSchema schema = PostgresSchema.createIfConfigured();
             Database db = Database.open(new DatabaseConfig(
                     schema == null ? Database.embeddedUrl(dataDir) : schema.url(), null, null, 2))) {
            UpgradePasses passes = new UpgradePasses(db.jdbi(), Clock.systemUTC());
            AtomicInteger runs = new AtomicInteger();

            assertThatThrownBy(() -> passes.runOnce("seal-things", () -> {
                runs.incrementAndGet();
                throw new IOException("disk full");
            })).hasMessage("disk full");
            assertThat(passes.finished("seal-things")).isFalse();

            passes.runOnce("seal-things", runs::incrementAndGet);
            passes.runOnce("seal-things", runs::incrementAndGet);
            assertThat(runs).hasValue(2);
            assertThat(passes.finished("seal-things")).isTrue();
            assertThat(passes.finished("another-pass")).isFalse();
        }
    }
}
