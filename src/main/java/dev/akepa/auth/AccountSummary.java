package dev.akepa.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A partner or reviewer as `./akepa partner list` and `reviewer list` show it: no hash, no secret. A reviewer's
 * role; null for a partner.
 */
public record AccountSummary(String login, Instant createdAt, Instant disabledAt, ReviewerRole role) {
    public boolean enabled() {
        return disabledAt == null;
    }

    static AccountSummary of(ResultSet rs) throws SQLException {
        return of(rs, null);
    }

    static AccountSummary of(ResultSet rs, ReviewerRole role) throws SQLException {
        long disabled = rs.getLong("disabled_at");
        Instant disabledAt = rs.wasNull() ? null : Instant.ofEpochMilli(disabled);
        return new AccountSummary(rs.getString("login"), Instant.ofEpochMilli(rs.getLong("created_at")), disabledAt, role);
    }
}
