package dev.akepa.store;

import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.postgresql.PGStatement;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * For a statement whose best plan depends on how big its table has grown and that no primary key can anchor (a count
 * over a status, say): PostgreSQL plans it anew on every execution instead of keeping, for the pooled connection's
 * life, the plan it made when the table was nearly empty. The JDBC driver prepares a statement on the server after
 * five uses, and a statement without parameters keeps its first plan there: a sequential scan, for a table of a page
 * (PostgresPlansTest). Does nothing on H2. The cost is a parse and a plan per execution, what every statement paid
 * in its first five uses anyway.
 */
public final class FreshPlans {
    public static final StatementCustomizer EVERY_EXECUTION = new StatementCustomizer() {
        @Override
        public void beforeExecution(PreparedStatement statement, StatementContext ctx) throws SQLException {
            if (statement.isWrapperFor(PGStatement.class)) statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    };

    private FreshPlans() {}
}
