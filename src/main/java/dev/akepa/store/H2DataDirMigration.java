package dev.akepa.store;

import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Copies the embedded H2 database of an earlier version ({@code akepa.mv.db}) into the SQLite file beside it, the
 * first time this version opens the data dir: {@code ./akepa serve} and every CLI command just work on an old data
 * dir. The H2 file is first brought to the last schema H2 had (the common migrations, as the old server would have
 * at its next start), then every row of every table is copied as it is (sealed columns stay sealed under the same
 * keys; ids, hashes and the audit chain unchanged), the row counts and foreign keys are checked, and only then the
 * new file takes its name, in one rename. The H2 files are deleted after that: a copy left behind would keep what an
 * erasure later removes. A crash before the rename leaves the H2 file as it was and the next start copies again.
 */
final class H2DataDirMigration {
    private static final Logger log = LoggerFactory.getLogger(H2DataDirMigration.class);
    private static final String H2_FILE = "akepa.mv.db";
    /** The row in upgrade_pass that says this SQLite file was copied from the H2 file beside it. */
    static final String PASS = "copy-h2-data-dir";
    private static final int BATCH = 500;
    /** The schema version of the last release whose embedded database was H2. */
    private static final String LAST_H2_VERSION = "86";

    private H2DataDirMigration() {}

    /** Copies when {@code sqliteFile}'s directory holds an H2 database and no SQLite one yet; otherwise nothing. */
    static void runIfNeeded(Path sqliteFile) {
        Path dir = sqliteFile.toAbsolutePath().getParent();
        if (!Files.exists(dir.resolve(H2_FILE))) return;
        try (FileChannel lockFile = FileChannel.open(dir.resolve("akepa.migration.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = lockFile.lock()) {
            if (!Files.exists(dir.resolve(H2_FILE))) return; // another process copied it while this one waited
            if (Files.exists(sqliteFile)) {
                deleteH2FilesIfCopied(dir, sqliteFile);
                return;
            }
            copy(dir, sqliteFile);
        } catch (IOException e) {
            throw new UncheckedIOException("copying the H2 database in " + dir + " into SQLite failed", e);
        } catch (SQLException e) {
            throw new IllegalStateException("copying the H2 database in " + dir + " into SQLite failed: " + e.getMessage(), e);
        }
    }

    private static void copy(Path dir, Path sqliteFile) throws IOException, SQLException {
        long started = System.nanoTime();
        log.info("copying the H2 database {} into SQLite {} (once: this version's embedded database is SQLite)",
                dir.resolve(H2_FILE), sqliteFile);
        Path partial = sqliteFile.resolveSibling(sqliteFile.getFileName() + ".partial");
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) Files.deleteIfExists(Path.of(partial + suffix));

        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("akepa") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH");
        // The common migrations as H2 ran them, in PostgreSQL's dialect, up to the last version that ran on H2: later
        // ones are SQLite's own once the rows are copied (V88's base64 decoding has no H2 form).
        Database.migrate(h2, Engine.POSTGRES, LAST_H2_VERSION);
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.DELETE);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + partial);
        Database.migrate(sqlite, Engine.SQLITE);

        Map<String, Long> copied = new LinkedHashMap<>();
        try (Connection from = h2.getConnection(); Connection to = sqlite.getConnection()) {
            to.setAutoCommit(false);
            for (String table : tables(from)) copied.put(table, copyTable(from, to, table));
            check(to, copied);
            try (Statement s = to.createStatement()) {
                s.executeUpdate("insert into upgrade_pass (name, done_at) values ('" + PASS + "', "
                        + System.currentTimeMillis() + ")");
            }
            to.commit();
        }
        Files.move(partial, sqliteFile, StandardCopyOption.ATOMIC_MOVE);
        deleteH2Files(dir);
        log.info("copied {} rows of {} tables from H2 into SQLite in {} ms; the H2 files are deleted",
                copied.values().stream().mapToLong(Long::longValue).sum(), copied.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The H2 tables with rows to copy: all but Flyway's history, which the SQLite file has of its own. */
    private static List<String> tables(Connection h2) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = h2.createStatement(); ResultSet rs = s.executeQuery("select table_name from "
                + "information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1")) {
            while (rs.next()) {
                if (!rs.getString(1).equals("flyway_schema_history")) tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /**
     * Every row, every column by name; the SQLite table starts empty (its seeded rows, the audit chain heads, are
     * replaced by H2's). Foreign keys are not checked while the tables arrive in any order; {@link #check} does.
     */
    private static long copyTable(Connection from, Connection to, String table) throws SQLException {
        try (Statement s = to.createStatement()) {
            s.executeUpdate("delete from " + table);
        }
        long rows = 0;
        try (Statement read = from.createStatement(); ResultSet rs = read.executeQuery("select * from " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            StringJoiner columns = new StringJoiner(", ");
            StringJoiner marks = new StringJoiner(", ");
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                columns.add(meta.getColumnName(c).toLowerCase(Locale.ROOT));
                marks.add("?");
            }
            try (PreparedStatement write = to.prepareStatement("insert into " + table + " (" + columns + ") values ("
                    + marks + ")")) {
                while (rs.next()) {
                    for (int c = 1; c <= meta.getColumnCount(); c++) write.setObject(c, value(rs, c, meta.getColumnType(c)));
                    write.addBatch();
                    if (++rows % BATCH == 0) write.executeBatch();
                }
                write.executeBatch();
            }
        }
        return rows;
    }

    private static Object value(ResultSet rs, int column, int type) throws SQLException {
        Object value = switch (type) {
            case Types.BOOLEAN, Types.BIT -> rs.getBoolean(column) ? 1 : 0;
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> rs.getLong(column);
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> rs.getDouble(column);
            default -> rs.getString(column);
        };
        return rs.wasNull() ? null : value;
    }

    /** Every table has H2's row count, and no row points at a row that is not there. */
    private static void check(Connection sqlite, Map<String, Long> copied) throws SQLException {
        try (Statement s = sqlite.createStatement()) {
            for (var table : copied.entrySet()) {
                try (ResultSet rs = s.executeQuery("select count(*) from " + table.getKey())) {
                    rs.next();
                    if (rs.getLong(1) != table.getValue()) {
                        throw new SQLException(table.getKey() + ": " + table.getValue() + " rows in H2, " + rs.getLong(1)
                                + " in the copy");
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("pragma foreign_key_check")) {
                if (rs.next()) throw new SQLException("the copy's row " + rs.getLong(2) + " of " + rs.getString(1)
                        + " refers to a missing row of " + rs.getString(3));
            }
        }
    }

    /** After a crash between the rename and the deletion: the SQLite file is the finished copy, H2's is left over. */
    private static void deleteH2FilesIfCopied(Path dir, Path sqliteFile) throws IOException, SQLException {
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + sqliteFile);
        try (Connection c = sqlite.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from sqlite_master where name = 'upgrade_pass'")) {
            rs.next();
            if (rs.getInt(1) == 0) return;
            try (ResultSet pass = s.executeQuery("select count(*) from upgrade_pass where name = '" + PASS + "'")) {
                pass.next();
                if (pass.getInt(1) == 0) {
                    log.warn("{} has both an H2 database ({}) and a SQLite one; the server uses SQLite, the H2 file is "
                            + "left as it is", dir, H2_FILE);
                    return;
                }
            }
        }
        deleteH2Files(dir);
    }

    private static void deleteH2Files(Path dir) throws IOException {
        for (String name : List.of(H2_FILE, "akepa.trace.db", "akepa.lock.db")) Files.deleteIfExists(dir.resolve(name));
    }
}
