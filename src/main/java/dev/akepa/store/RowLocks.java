package dev.akepa.store;

import org.jdbi.v3.core.Handle;

import java.util.concurrent.ConcurrentHashMap;

/**
 * For SQL sent in plain JDBC, past JDBI's statement rendering: the statement as the handle's engine takes it (on
 * SQLite without {@code FOR UPDATE}, which JDBI drops from every other statement; see {@link Sqlite}). Only for a
 * caller's constant statements: each is rewritten once and kept, as the status read runs one per request.
 */
public final class RowLocks {
    private static final ConcurrentHashMap<String, String> ON_SQLITE = new ConcurrentHashMap<>();

    private RowLocks() {}

    public static String sqlFor(Handle h, String constantSql) {
        return Engine.of(h) == Engine.SQLITE ? ON_SQLITE.computeIfAbsent(constantSql, Sqlite::withoutRowLocks) : constantSql;
    }
}
