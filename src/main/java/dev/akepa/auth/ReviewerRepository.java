package dev.akepa.auth;

import org.jdbi.v3.core.Jdbi;

import java.util.Optional;

/** Reviewer accounts, their failed-login counters (lock-out), console sessions and API tokens (hashes only). */
public final class ReviewerRepository {
    private final Jdbi jdbi;

    public ReviewerRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    record StoredReviewer(Reviewer reviewer, String passwordHash, long lockedUntilMillis) {}

    record StoredSession(Reviewer reviewer, long lastSeenMillis, long expiresAtMillis) {}

    /** Inserts an analyst unless the login exists; true when it was created. */
    public boolean createIfAbsent(String login, String passwordHash, long nowMillis) {
        return createIfAbsent(login, passwordHash, ReviewerRole.ANALYST, nowMillis);
    }

    /** Inserts the reviewer with its role unless the login exists; true when it was created. */
    public boolean createIfAbsent(String login, String passwordHash, ReviewerRole role, long nowMillis) {
        return jdbi.inTransaction(h -> {
            boolean exists = h.createQuery("select count(*) from reviewer where login = :login")
                    .bind("login", login).mapTo(Integer.class).one() > 0;
            if (exists) return false;
            h.createUpdate("insert into reviewer (login, password_hash, role, created_at) values (:login, :hash, :role, :now)")
                    .bind("login", login).bind("hash", passwordHash).bind("role", role.wire()).bind("now", nowMillis).execute();
            return true;
        });
    }

    /** A new password also lifts a lock-out and enables a disabled account: the operator has just vouched for it. */
    public void updatePassword(String login, String passwordHash) {
        jdbi.useHandle(h -> h.createUpdate(
                        "update reviewer set password_hash = :hash, failed_logins = 0, locked_until = 0, disabled_at = null where login = :login")
                .bind("login", login).bind("hash", passwordHash).execute());
    }

    /** Changes an existing reviewer's role; false when no reviewer has this login. */
    public boolean setRole(String login, ReviewerRole role) {
        return jdbi.withHandle(h -> h.createUpdate("update reviewer set role = :role where login = :login")
                .bind("role", role.wire()).bind("login", login).execute() == 1);
    }

    /** Every reviewer, disabled ones included, by login. */
    public java.util.List<AccountSummary> list() {
        return jdbi.withHandle(h -> h.createQuery("select login, role, created_at, disabled_at from reviewer order by login")
                .map((rs, c) -> AccountSummary.of(rs, ReviewerRole.fromWire(rs.getString("role")))).list());
    }

    /**
     * Ends the reviewer's access: no login, and its console sessions and API tokens are deleted; its decisions stay
     * on the audit trail. False when no enabled reviewer has this login.
     */
    public boolean disable(String login, long nowMillis) {
        return jdbi.inTransaction(h -> {
            int changed = h.createUpdate("update reviewer set disabled_at = :now where login = :login and disabled_at is null")
                    .bind("now", nowMillis).bind("login", login).execute();
            for (String table : new String[] {"reviewer_session", "reviewer_token"}) {
                h.createUpdate("delete from " + table + " where reviewer_id in (select id from reviewer where login = :login)")
                        .bind("login", login).execute();
            }
            return changed == 1;
        });
    }

    Optional<StoredReviewer> findByLogin(String login) {
        return jdbi.withHandle(h -> h.createQuery("select id, login, role, password_hash, locked_until from reviewer where login = :login and disabled_at is null")
                .bind("login", login)
                .map((rs, c) -> new StoredReviewer(new Reviewer(rs.getLong("id"), rs.getString("login"), ReviewerRole.fromWire(rs.getString("role"))),
                        rs.getString("password_hash"), rs.getLong("locked_until")))
                .findOne());
    }

    /**
     * Counts one failure; the failure that reaches {@code maxFailures} locks the login until {@code lockUntilMillis}
     * and restarts the count. True when this call locked it. Both statements are atomic increments, so
     * concurrent failures on several nodes are all counted.
     */
    boolean recordFailure(long reviewerId, int maxFailures, long lockUntilMillis) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("update reviewer set failed_logins = failed_logins + 1 where id = :id")
                    .bind("id", reviewerId).execute();
            return h.createUpdate("update reviewer set failed_logins = 0, locked_until = :until "
                            + "where id = :id and failed_logins >= :max")
                    .bind("until", lockUntilMillis).bind("id", reviewerId).bind("max", maxFailures).execute() == 1;
        });
    }

    void resetFailures(long reviewerId) {
        jdbi.useHandle(h -> h.createUpdate("update reviewer set failed_logins = 0 where id = :id and failed_logins <> 0")
                .bind("id", reviewerId).execute());
    }

    // ---- console sessions ------------------------------------------------------------------------------------

    void insertSession(String tokenHash, long reviewerId, long nowMillis, long expiresAtMillis) {
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into reviewer_session (token_hash, reviewer_id, created_at, last_seen_at, expires_at)
                        values (:hash, :reviewer, :now, :now, :expires)""")
                .bind("hash", tokenHash).bind("reviewer", reviewerId).bind("now", nowMillis)
                .bind("expires", expiresAtMillis).execute());
    }

    Optional<StoredSession> findSession(String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select r.id, r.login, r.role, s.last_seen_at, s.expires_at
                        from reviewer_session s join reviewer r on r.id = s.reviewer_id
                        where s.token_hash = :hash and r.disabled_at is null""")
                .bind("hash", tokenHash)
                .map((rs, c) -> new StoredSession(new Reviewer(rs.getLong("id"), rs.getString("login"), ReviewerRole.fromWire(rs.getString("role"))),
                        rs.getLong("last_seen_at"), rs.getLong("expires_at")))
                .findOne());
    }

    void touchSession(String tokenHash, long nowMillis) {
        jdbi.useHandle(h -> h.createUpdate("update reviewer_session set last_seen_at = :now where token_hash = :hash")
                .bind("now", nowMillis).bind("hash", tokenHash).execute());
    }

    void deleteSession(String tokenHash) {
        jdbi.useHandle(h -> h.createUpdate("delete from reviewer_session where token_hash = :hash")
                .bind("hash", tokenHash).execute());
    }

    void deleteStaleSessions(long nowMillis, long idleCutoffMillis) {
        jdbi.useHandle(h -> h.createUpdate("delete from reviewer_session where expires_at <= :now or last_seen_at < :idle")
                .bind("now", nowMillis).bind("idle", idleCutoffMillis).execute());
    }

    // ---- review API tokens -----------------------------------------------------------------------------------

    void insertToken(String tokenHash, long reviewerId, long expiresAtMillis) {
        jdbi.useHandle(h -> h.createUpdate(
                        "insert into reviewer_token (token_hash, reviewer_id, expires_at) values (:hash, :reviewer, :expires)")
                .bind("hash", tokenHash).bind("reviewer", reviewerId).bind("expires", expiresAtMillis).execute());
    }

    Optional<Reviewer> findLiveToken(String tokenHash, long nowMillis) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select r.id, r.login, r.role from reviewer_token t join reviewer r on r.id = t.reviewer_id
                        where t.token_hash = :hash and t.expires_at > :now and r.disabled_at is null""")
                .bind("hash", tokenHash).bind("now", nowMillis)
                .map((rs, c) -> new Reviewer(rs.getLong("id"), rs.getString("login"), ReviewerRole.fromWire(rs.getString("role"))))
                .findOne());
    }

    void deleteExpiredTokens(long nowMillis) {
        jdbi.useHandle(h -> h.createUpdate("delete from reviewer_token where expires_at <= :now")
                .bind("now", nowMillis).execute());
    }
}
