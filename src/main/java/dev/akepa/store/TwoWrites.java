package dev.akepa.store;

import org.jdbi.v3.core.Handle;

import java.sql.SQLException;

/**
 * Two writes sent as one statement: an {@code insert … select … from {written}} over the rows another write
 * (insert or update) just wrote. Each statement costs the database and JDBI their per-statement work, and the
 * journey's audit rows and data keys were each a statement of their own (27 statements per journey, issue 17).
 * The one place where the SQL differs between the engines: PostgreSQL writes in a data-modifying {@code WITH}, H2
 * (which has none) reads the written rows as a {@code FINAL TABLE}. Either way, when the first write writes no row the
 * insert inserts none; but where the second statement also joins another table that has no matching row, H2 may not
 * run the first write at all while PostgreSQL always does, so a caller that gets 0 back must look at what happened.
 */
public final class TwoWrites {
    private static final String WRITTEN = "{written}";
    private final String postgres;
    private final String h2;

    /**
     * @param write             the first write, without {@code returning}
     * @param insertFromWritten the insert, naming the first write's rows {@code {written}} (once, in its from clause)
     */
    public TwoWrites(String write, String insertFromWritten) {
        if (!insertFromWritten.contains(WRITTEN)) throw new IllegalArgumentException("no " + WRITTEN + " in " + insertFromWritten);
        this.postgres = "with written as (" + write + " returning *) " + insertFromWritten.replace(WRITTEN, "written");
        this.h2 = insertFromWritten.replace(WRITTEN, "final table (" + write + ") written");
    }

    /** The statement for the handle's engine (asked of each handle: one JVM may use both, as the tests do). */
    public String sql(Handle h) {
        return isPostgres(h) ? postgres : h2;
    }

    private static boolean isPostgres(Handle h) {
        try {
            return "PostgreSQL".equals(h.getConnection().getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("reading the database's product name failed", e);
        }
    }
}
