package dev.akepa.store;

import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;
import org.sqlite.SQLiteConnection;
import org.sqlite.core.CoreStatement;
import org.sqlite.core.DB;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each pooled SQLite connection's prepared statements for the next handle that runs the same SQL. sqlite-jdbc
 * keeps none and JDBI closes every statement after its call, so each statement was compiled again each time:
 * {@code sqlite3_prepare} was half of SQLite's native time in a status read's profile, and SQLite's native code a
 * quarter of the node's busy samples (BENCHMARKS.md). The statements are prepared on the physical connection, under
 * HikariCP's proxy, which would close every statement it saw opened when the handle gives the connection back.
 *
 * <p>A statement is reset when JDBI closes it, so none holds a read snapshot while it waits (a held snapshot would stop
 * every WAL checkpoint, and the WAL would grow without end). Its bindings are left for the next call to replace:
 * clearing them ({@code clearParameters}) made SQLite compile the statement again at its next step, 13–18 µs a
 * call against the 13 µs of the status read's whole query. Updatable result sets and calls go the ordinary way;
 * generated keys are refused, since {@code Sqlite.configure} turns them off and the caller would silently get none.
 * A connection SQLite closes takes its statements with it; the entries of closed connections are dropped when the
 * pool opens a new one (HikariCP retires each connection after its lifetime), so the map holds one entry per live
 * connection.
 */
final class SqliteStatements implements StatementBuilderFactory {
    /**
     * Idle statements kept per connection, least recently used dropped first. The server's statements are fixed text,
     * under two hundred in all; a journey and the workers use about forty of them, so sixty-four holds the hot
     * ones with room, at a few kilobytes of native memory each.
     */
    static final int PER_CONNECTION = 64;
    private static final StatementBuilder ORDINARY = new DefaultStatementBuilder();

    private final Map<SQLiteConnection, Idle> byConnection = new ConcurrentHashMap<>();

    @Override
    public StatementBuilder createStatementBuilder(Connection connection) {
        SQLiteConnection physical;
        try {
            physical = connection.unwrap(SQLiteConnection.class);
        } catch (SQLException notSqlite) {
            return ORDINARY;
        }
        Idle idle = byConnection.get(physical);
        if (idle == null) {
            byConnection.keySet().removeIf(SqliteStatements::isClosed);
            idle = byConnection.computeIfAbsent(physical, c -> new Idle());
        }
        return new Cached(physical, idle);
    }

    private static boolean isClosed(SQLiteConnection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /**
     * One handle's builder. JDBI closes a statement naming the SQL as written, placeholders and all, not as prepared,
     * so each statement lent out is remembered with the SQL it was prepared from.
     */
    private static final class Cached implements StatementBuilder {
        private final SQLiteConnection physical;
        private final Idle idle;
        private final Map<Statement, String> lent = new IdentityHashMap<>();

        Cached(SQLiteConnection physical, Idle idle) {
            this.physical = physical;
            this.idle = idle;
        }

        @Override
        public Statement create(Connection connection, StatementContext ctx) throws SQLException {
            return ORDINARY.create(connection, ctx);
        }

        @Override
        public PreparedStatement create(Connection connection, String sql, StatementContext ctx) throws SQLException {
            if (ctx.isReturningGeneratedKeys()) {
                throw new IllegalStateException("generated keys are off on SQLite: write \"insert … returning id\" and "
                        + "run it as a query");
            }
            if (ctx.isConcurrentUpdatable()) return ORDINARY.create(connection, sql, ctx);
            PreparedStatement statement = idle.take(sql);
            if (statement == null) statement = physical.prepareStatement(sql);
            lent.put(statement, sql);
            return statement;
        }

        @Override
        public CallableStatement createCall(Connection connection, String sql, StatementContext ctx) throws SQLException {
            return ORDINARY.createCall(connection, sql, ctx);
        }

        @Override
        public void close(Connection connection, String template, Statement statement) throws SQLException {
            String sql = lent.remove(statement);
            if (sql == null || statement.isClosed()) {
                statement.close();
                return;
            }
            PreparedStatement prepared = (PreparedStatement) statement;
            try {
                ((CoreStatement) statement).pointer.safeRunInt(DB::reset);
                if (prepared.getMaxRows() != 0) prepared.setMaxRows(0);
            } catch (SQLException | RuntimeException e) {
                statement.close();
                throw e;
            }
            idle.put(sql, prepared);
        }

        /** A statement JDBI never gave back (a stream its caller left open) must not keep its snapshot past the handle. */
        @Override
        public void close(Connection connection) {
            for (Statement statement : lent.keySet()) {
                try {
                    statement.close();
                } catch (SQLException alreadyBroken) {
                    // closing is all that was left to do with it
                }
            }
            lent.clear();
        }
    }

    /**
     * One connection's idle statements by SQL. A connection serves one thread at a time; the lock is uncontended and
     * only makes the pool's hand-over of a connection between threads visibly safe. A second statement of the same
     * SQL open at once (a query run inside the iteration of the same query) is prepared apart and closed when the
     * first is back.
     */
    private static final class Idle {
        private final LinkedHashMap<String, PreparedStatement> statements = new LinkedHashMap<>(PER_CONNECTION, 0.75f, true);

        synchronized PreparedStatement take(String sql) {
            return statements.remove(sql);
        }

        void put(String sql, PreparedStatement statement) throws SQLException {
            PreparedStatement surplus;
            synchronized (this) {
                if (statements.containsKey(sql)) {
                    surplus = statement;
                } else {
                    statements.put(sql, statement);
                    surplus = statements.size() > PER_CONNECTION ? removeEldest() : null;
                }
            }
            if (surplus != null) surplus.close();
        }

        private PreparedStatement removeEldest() {
            var eldest = statements.entrySet().iterator();
            PreparedStatement statement = eldest.next().getValue();
            eldest.remove();
            return statement;
        }
    }
}
