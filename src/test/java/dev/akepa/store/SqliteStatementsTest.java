package dev.akepa.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The prepared statements each SQLite connection keeps between handles, on the server's own database file. */
class SqliteStatementsTest {
    private static final String NAMES = "select name from upgrade_pass where done_at >= :from order by name";

    @TempDir
    Path dir;
    private Database database;

    private Jdbi open(int poolSize) {
        database = Database.open(new DatabaseConfig(Database.embeddedUrl(dir), null, null, poolSize));
        Jdbi jdbi = database.jdbi();
        jdbi.useTransaction(h -> {
            for (int i = 0; i < 5; i++) h.execute("insert into upgrade_pass (name, done_at) values (?, ?)", "pass-" + i, i);
        });
        return jdbi;
    }

    @AfterEach
    void close() {
        if (database != null) database.close();
    }

    @Test
    void aStatementRunAgainOnItsConnectionIsTheOnePreparedBeforeAndTakesNewBindings() {
        Jdbi jdbi = open(1);
        PreparedStatement first = statementOf(jdbi, NAMES);
        PreparedStatement second = statementOf(jdbi, NAMES);
        assertThat(second).isSameAs(first);
        assertThat(names(jdbi, 3)).containsExactly("pass-3", "pass-4");
        assertThat(names(jdbi, 0)).containsExactly("pass-0", "pass-1", "pass-2", "pass-3", "pass-4");
    }

    @Test
    void aStatementWaitingForItsNextUseHoldsNoReadSnapshotSoACheckpointEmptiesTheLog() throws Exception {
        Jdbi jdbi = open(2);
        try (Handle reading = jdbi.open();
             var rows = reading.createQuery(NAMES).bind("from", 0).mapTo(String.class).stream()) {
            assertThat(rows.iterator().next()).isEqualTo("pass-0");
            jdbi.useHandle(h -> h.execute("insert into upgrade_pass (name, done_at) values ('while-reading', 9)"));
            assertThat(checkpoint()).as("the check sees a snapshot held by a result set still open").isEqualTo(1);
        }
        Optional<String> first = jdbi.withHandle(h -> h.createQuery(NAMES).bind("from", 0).mapTo(String.class).findFirst());
        assertThat(first)
                .as("a query left after its first row, its statement back in the cache").contains("pass-0");
        jdbi.useHandle(h -> h.execute("insert into upgrade_pass (name, done_at) values ('after-reading', 9)"));
        assertThat(checkpoint()).as("busy readers").isZero();
        assertThat(Files.size(dir.resolve("akepa.db-wal"))).isZero();
    }

    @Test
    void aQueryItsCallerLeftOpenEndsWithItsHandleAndHoldsNoSnapshot() throws Exception {
        Jdbi jdbi = open(2);
        Handle handle = jdbi.open();
        var rows = handle.createQuery(NAMES).bind("from", 0).mapTo(String.class).stream();
        assertThat(rows.iterator().next()).isEqualTo("pass-0");
        jdbi.useHandle(h -> h.execute("insert into upgrade_pass (name, done_at) values ('while-open', 9)"));
        assertThat(checkpoint()).as("the check sees the open query's snapshot").isEqualTo(1);
        handle.close();
        assertThat(checkpoint()).as("busy readers once its handle is closed").isZero();
        assertThat(names(jdbi, 9)).containsExactly("while-open");
    }

    @Test
    void theSameQueryRunInsideItsOwnIterationGetsAStatementOfItsOwn() {
        Jdbi jdbi = open(1);
        List<String> pairs = jdbi.withHandle(h -> {
            List<String> seen = new ArrayList<>();
            try (var outer = h.createQuery(NAMES).bind("from", 3).mapTo(String.class).stream()) {
                outer.forEach(name -> seen.add(name + ":" + h.createQuery(NAMES).bind("from", 4).mapTo(String.class).list()));
            }
            return seen;
        });
        assertThat(pairs).containsExactly("pass-3:[pass-4]", "pass-4:[pass-4]");
        assertThat(names(jdbi, 4)).containsExactly("pass-4");
    }

    @Test
    void aStatementThatFailedRunsAgainFromTheCache() throws Exception {
        Jdbi jdbi = open(1);
        String insert = "insert into upgrade_pass (name, done_at) values (:name, 7)";
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.createUpdate(insert).bind("name", "pass-1").execute()))
                .isInstanceOf(UnableToExecuteStatementException.class)
                .hasMessageContaining("UNIQUE");
        jdbi.useHandle(h -> h.createUpdate(insert).bind("name", "pass-new").execute());
        jdbi.useTransaction(h -> h.createUpdate(insert).bind("name", "pass-newer").execute());
        assertThat(names(jdbi, 7)).containsExactly("pass-new", "pass-newer");
        assertThat(checkpoint()).isZero();
    }

    @Test
    void theLeastRecentlyUsedStatementIsClosedWhenTheConnectionKeepsMoreThanItsLimit() throws Exception {
        Jdbi jdbi = open(1);
        PreparedStatement eldest = statementOf(jdbi, NAMES);
        for (int i = 0; i < SqliteStatements.PER_CONNECTION; i++) statementOf(jdbi, "select " + i + " where :from = :from");
        assertThat(eldest.isClosed()).isTrue();
        PreparedStatement again = statementOf(jdbi, NAMES);
        assertThat(again).isNotSameAs(eldest);
        assertThat(again.isClosed()).isFalse();
    }

    @Test
    void anInsertReturnsItsIdThroughReturningAndAskingForGeneratedKeysIsRefusedWithoutWriting() {
        Jdbi jdbi = open(1);
        long id = jdbi.withHandle(h -> h.createQuery("insert into partner (login, password_hash, created_at) "
                + "values ('returning', 'x', 0) returning id").mapTo(Long.class).one());
        String login = jdbi.withHandle(h -> h.createQuery("select login from partner where id = :id").bind("id", id)
                .mapTo(String.class).one());
        assertThat(login).isEqualTo("returning");
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.createUpdate("insert into partner (login, password_hash, "
                + "created_at) values ('generated', 'x', 0)").executeAndReturnGeneratedKeys("id").mapTo(Long.class).one()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("returning id");
        int generated = jdbi.withHandle(h -> h.createQuery("select count(*) from partner where login = 'generated'")
                .mapTo(Integer.class).one());
        assertThat(generated).isZero();
    }

    private static PreparedStatement statementOf(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).bind("from", 0).scanResultSet((rs, ctx) -> {
            rs.get().next();
            return (PreparedStatement) ctx.getStatement();
        }));
    }

    private static List<String> names(Jdbi jdbi, int from) {
        return jdbi.withHandle(h -> h.createQuery(NAMES).bind("from", from).mapTo(String.class).list());
    }

    /** A truncating checkpoint from a connection of its own that does not wait: 1 when a reader stops it, else 0. */
    private int checkpoint() throws SQLException {
        Properties noWaiting = new Properties();
        noWaiting.setProperty("busy_timeout", "0");
        try (Connection c = DriverManager.getConnection(Database.embeddedUrl(dir), noWaiting);
             ResultSet rs = c.createStatement().executeQuery("pragma wal_checkpoint(truncate)")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
