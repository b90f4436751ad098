package dev.akepa.store;

import com.zaxxer.hikari.HikariConfig;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Everything the server does differently on SQLite, the embedded default, in one place (the schema aside, which is
 * db/sqlite). SQLite has one writer at a time for the whole file: a write transaction begins {@code IMMEDIATE}, taking
 * the file's write lock before its first read, so what PostgreSQL's {@code SELECT … FOR UPDATE [SKIP LOCKED]} asks
 * for holds already and those clauses are dropped from the statement. Inside this process the writers queue on a Java
 * lock rather than in SQLite's busy handler: that handler sleeps in native code, which pins a virtual thread's carrier
 * (two carriers on a 2-core machine), so two waiting writers would stall every request until the timeout. The busy
 * timeout is left for another process, the CLI beside the server.
 */
final class Sqlite {
    /** The database file in the data directory; the H2 file of earlier versions was {@code akepa.mv.db}. */
    static final String FILE_NAME = "akepa.db";
    /** How long a write waits for another process's write (the CLI's) before it fails. */
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final Pattern ROW_LOCKS = Pattern.compile("\\s+for\\s+update(\\s+skip\\s+locked)?\\s*$",
            Pattern.CASE_INSENSITIVE);

    private Sqlite() {}

    static boolean handles(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:sqlite:");
    }

    static String url(Path dataDir) {
        return "jdbc:sqlite:" + dataDir.toAbsolutePath().resolve(FILE_NAME);
    }

    /** The database file a {@code jdbc:sqlite:} URL names (its path, without the URL's parameters). */
    static Path file(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        return Path.of(query < 0 ? rest : rest.substring(0, query));
    }

    /**
     * WAL: readers never wait for the writer. synchronous=FULL: every acknowledged commit is on disk (kill -9 and
     * power loss; NORMAL would keep the last commits of a power cut). foreign_keys: PostgreSQL checks them, and so
     * must the default. journal_size_limit: the WAL is reused from its start after each checkpoint, and truncated
     * to this when a burst made it larger, instead of keeping its largest size. SQLite reuses a deleted row's pages
     * itself, so the file grows with the live data only. Each pooled connection keeps SQLite's default page cache
     * (2 MB at most), so 16 connections hold at most 32 MB in native memory. jdbc.get_generated_keys off: sqlite-jdbc
     * otherwise compiles and runs {@code select last_insert_rowid()} after every insert, in case its caller asks for
     * the key (turning it off took 5–7 % off a journey's node CPU, BENCHMARKS.md 2026-12-03); the two inserts that
     * want their id ask for it with {@code returning id}, which PostgreSQL reads alike.
     */
    static void configure(HikariConfig hikari) {
        hikari.addDataSourceProperty("journal_mode", "WAL");
        hikari.addDataSourceProperty("synchronous", "FULL");
        hikari.addDataSourceProperty("foreign_keys", "true");
        hikari.addDataSourceProperty("busy_timeout", String.valueOf(BUSY_TIMEOUT_MILLIS));
        hikari.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        hikari.addDataSourceProperty("journal_size_limit", String.valueOf(16 * 1024 * 1024));
        hikari.addDataSourceProperty("jdbc.get_generated_keys", "false");
    }

    static void configure(Jdbi jdbi) {
        ReentrantLock writer = new ReentrantLock();
        jdbi.setTransactionHandler(new OneWriter(jdbi.getTransactionHandler(), writer));
        SqlStatements statements = jdbi.getConfig(SqlStatements.class);
        statements.setTemplateEngine(new WithoutRowLocks(statements.getTemplateEngine()));
        statements.addCustomizer(new AutoCommitWrites(writer));
        jdbi.setStatementBuilderFactory(new SqliteStatements());
    }

    /** SQLite's unique and primary-key violations, which carry no SQLState. */
    static boolean isUniqueViolation(SQLException e) {
        return e instanceof SQLiteException s && (s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                || s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY);
    }

    /** Drops a trailing {@code FOR UPDATE [SKIP LOCKED]}: the transaction holds the file's write lock already. */
    static String withoutRowLocks(String sql) {
        return ROW_LOCKS.matcher(sql).replaceFirst("");
    }

    private record WithoutRowLocks(TemplateEngine delegate) implements TemplateEngine {
        @Override
        public String render(String template, StatementContext ctx) {
            return withoutRowLocks(delegate.render(template, ctx));
        }

        @Override
        public Optional<Function<StatementContext, String>> parse(String template, ConfigRegistry config) {
            return delegate.parse(withoutRowLocks(template), config);
        }
    }

    /**
     * A thread that writes on a second connection while its first holds the write lock would wait for itself until
     * the busy timeout; where PostgreSQL would let both go on (other rows), this fails at once and names the cause.
     */
    private static void lock(ReentrantLock writer) {
        if (writer.isHeldByCurrentThread()) {
            throw new IllegalStateException("a second write on another connection of the thread that holds SQLite's "
                    + "write lock: it would wait for the first to end, which waits for it");
        }
        writer.lock();
    }

    /**
     * A transaction takes the process's writer lock before SQLite's, and keeps it until it ends (JDBI's
     * {@code inTransaction} comes through {@code begin} and {@code commit} or {@code rollback} too).
     */
    private static final class OneWriter extends DelegatingTransactionHandler {
        private final ReentrantLock writer;

        OneWriter(TransactionHandler delegate, ReentrantLock writer) {
            super(delegate);
            this.writer = writer;
        }

        @Override
        public TransactionHandler specialize(Handle handle) throws SQLException {
            return new OneWriter(getDelegate().specialize(handle), writer);
        }

        @Override
        public void begin(Handle handle) {
            lock(writer);
            try {
                super.begin(handle);
            } catch (RuntimeException e) {
                writer.unlock();
                throw e;
            }
        }

        @Override
        public void commit(Handle handle) {
            try {
                super.commit(handle);
            } finally {
                release();
            }
        }

        @Override
        public void rollback(Handle handle) {
            try {
                super.rollback(handle);
            } finally {
                release();
            }
        }

        private void release() {
            if (writer.isHeldByCurrentThread()) writer.unlock();
        }
    }

    /** A write outside any transaction is a transaction of its own to SQLite: it queues on the same lock. */
    private record AutoCommitWrites(ReentrantLock writer) implements StatementCustomizer {
        @Override
        public void beforeExecution(PreparedStatement statement, StatementContext ctx) throws SQLException {
            if (!ctx.getConnection().getAutoCommit() || !isWrite(ctx.getRenderedSql())) return;
            lock(writer);
            ctx.addCleanable(writer::unlock);
        }

        /** Runs for every statement: compares in place rather than copying and lower-casing the start. */
        private static boolean isWrite(String sql) {
            int start = 0;
            while (start < sql.length() && Character.isWhitespace(sql.charAt(start))) start++;
            return sql.regionMatches(true, start, "insert", 0, 6) || sql.regionMatches(true, start, "update", 0, 6)
                    || sql.regionMatches(true, start, "delete", 0, 6);
        }
    }
}
