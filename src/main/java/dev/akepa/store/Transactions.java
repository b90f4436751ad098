package dev.akepa.store;

import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.sql.SQLException;

/** Recognises database errors the services turn into API answers. */
public final class Transactions {
    private Transactions() {}

    /** A unique violation: SQLState 23505 on PostgreSQL, its own result codes on SQLite. */
    public static boolean isUniqueViolation(RuntimeException e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof SQLException sql && ("23505".equals(sql.getSQLState()) || Sqlite.isUniqueViolation(sql))) {
                return true;
            }
            t = t.getCause();
        }
        return e instanceof UnableToExecuteStatementException
                && String.valueOf(e.getMessage()).contains("23505");
    }
}
