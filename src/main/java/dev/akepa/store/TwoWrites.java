package dev.akepa.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.Update;

import java.util.function.UnaryOperator;

/**
 * Two writes sent as one statement where the engine can: an {@code insert … select … from {written}} over the rows
 * another write (insert or update) just wrote. Each statement costs the database and JDBI their per-statement work,
 * and the journey's audit rows and data keys were each a statement of their own (27 statements per journey, issue
 * 17). The one place where this SQL differs between the engines: PostgreSQL writes in a data-modifying {@code WITH};
 * SQLite has none (its {@code RETURNING} cannot feed another statement), so it runs the two statements one after the
 * other, in the same transaction, which costs it no round trip. Either way the first write always runs, and when it
 * writes no row the insert inserts none; a caller that gets 0 back looks at what happened.
 */
public final class TwoWrites {
    private static final String WRITTEN = "{written}";
    private final String postgres;
    private final String write;
    private final String insertAfterWrite;

    /**
     * @param write             the first write, without {@code returning}
     * @param insertFromWritten the insert, naming the first write's rows {@code {written}} (once, in its from clause);
     *                          it may read nothing from them but their number, so that both engines insert the same
     */
    public TwoWrites(String write, String insertFromWritten) {
        if (!insertFromWritten.contains(WRITTEN)) throw new IllegalArgumentException("no " + WRITTEN + " in " + insertFromWritten);
        this.postgres = "with written as (" + write + " returning 1) " + insertFromWritten.replace(WRITTEN, "written");
        this.write = write;
        this.insertAfterWrite = insertFromWritten.replace(WRITTEN, "(select 1) written");
    }

    /** Runs both writes with the parameters {@code bind} gives them; returns the rows the insert inserted. */
    public int execute(Handle h, UnaryOperator<Update> bind) {
        if (Engine.of(h) == Engine.POSTGRES) return bind.apply(h.createUpdate(postgres)).execute();
        if (!h.isInTransaction()) return h.inTransaction(t -> execute(t, bind));
        int written = bind.apply(eachOfTwo(h.createUpdate(write))).execute();
        if (written == 0) return 0;
        return bind.apply(eachOfTwo(h.createUpdate(insertAfterWrite))).execute();
    }

    /** Each of the two statements gets all the parameters and uses its own. */
    private static Update eachOfTwo(Update update) {
        return update.configure(SqlStatements.class, c -> c.setUnusedBindingAllowed(true));
    }
}
