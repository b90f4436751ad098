package dev.akepa.store;

import dev.akepa.Config;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded SQLite file's one writer at a time, as the server's virtual threads use it. */
class SqliteWritersTest {
    @TempDir
    Path dir;
    private Database database;

    @BeforeEach
    void open() {
        database = Database.open(new DatabaseConfig(Database.embeddedUrl(dir), null, null, 8));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void manyVirtualThreadsWritingAtOnceAllCommitWithoutABusyError() throws Exception {
        Jdbi jdbi = database.jdbi();
        List<Future<?>> writers = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 40; t++) {
                int thread = t;
                writers.add(threads.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        String name = "pass-" + thread + "-" + i;
                        long at = i;
                        if (i % 2 == 0) {
                            jdbi.useTransaction(h -> h.execute("insert into upgrade_pass (name, done_at) values (?, ?)", name, at));
                        } else {
                            jdbi.useHandle(h -> h.execute("insert into upgrade_pass (name, done_at) values (?, ?)", name, at));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) writer.get();
        }
        int rows = jdbi.withHandle(h -> h.createQuery("select count(*) from upgrade_pass").mapTo(Integer.class).one());
        assertThat(rows).isEqualTo(40 * 25);
    }

    /** Jdbi's own nested calls reuse the thread's handle; a handle opened beside it is another connection. */
    @Test
    void aWriteOnASecondConnectionOfTheThreadHoldingTheWriteLockFailsAtOnceInsteadOfWaitingForItself() {
        Jdbi jdbi = database.jdbi();
        jdbi.useTransaction(first -> {
            first.execute("insert into upgrade_pass (name, done_at) values ('first', 1)");
            try (Handle second = jdbi.open()) {
                assertThatThrownBy(() -> second.execute("insert into upgrade_pass (name, done_at) values ('second', 2)"))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("a second write on another connection");
                assertThatThrownBy(() -> second.useTransaction(t -> t.createQuery("select 1").mapTo(Integer.class).one()))
                        .isInstanceOf(IllegalStateException.class);
                assertThat(second.createQuery("select count(*) from upgrade_pass").mapTo(Integer.class).one())
                        .as("reading beside the writer: the committed rows only").isZero();
            }
            jdbi.useHandle(nested -> nested.execute("insert into upgrade_pass (name, done_at) values ('nested', 3)"));
        });
        List<String> names = jdbi.withHandle(h -> h.createQuery("select name from upgrade_pass order by name")
                .mapTo(String.class).list());
        assertThat(names).containsExactly("first", "nested");
    }

    @Test
    void everyConnectionIsInWalModeWithDurableCommitsAndForeignKeysChecked() {
        Jdbi jdbi = database.jdbi();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> settings = jdbi.withHandle(h -> Map.of(
                    "journal_mode", h.createQuery("pragma journal_mode").mapTo(String.class).one(),
                    "synchronous", h.createQuery("pragma synchronous").mapTo(Integer.class).one(),
                    "foreign_keys", h.createQuery("pragma foreign_keys").mapTo(Integer.class).one()));
            assertThat(settings).isEqualTo(Map.of("journal_mode", "wal", "synchronous", 2, "foreign_keys", 1));
        }
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(
                "insert into api_token (token_hash, partner_id, expires_at) values ('t', 404, 0)")))
                .hasMessageContaining("FOREIGN KEY constraint failed");
    }

    @Test
    void rowLockClausesAreDroppedOnlyWhereTheStatementEnds() {
        assertThat(Sqlite.withoutRowLocks("select id from job where run_after < ? order by run_after limit 5 for update skip locked"))
                .isEqualTo("select id from job where run_after < ? order by run_after limit 5");
        assertThat(Sqlite.withoutRowLocks("select id from application where id = ?\nFOR UPDATE\n"))
                .isEqualTo("select id from application where id = ?");
        assertThat(Sqlite.withoutRowLocks("select note from document where note = 'for update'"))
                .isEqualTo("select note from document where note = 'for update'");
    }

    @Test
    void aDatabaseUrlOfAnEngineTheServerDoesNotRunOnIsRefusedAtStart() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("AKEPA_DB_URL", "jdbc:h2:file:/srv/akepa/akepa")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AKEPA_DB_URL must be a jdbc:postgresql: or jdbc:sqlite: URL (unset: the embedded SQLite "
                        + "file in AKEPA_DATA_DIR, into which an earlier version's H2 database is copied at start)");
    }
}
