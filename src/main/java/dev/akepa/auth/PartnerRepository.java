package dev.akepa.auth;

import dev.akepa.store.Transactions;
import org.jdbi.v3.core.Jdbi;

import java.util.Optional;

/** Partners and their API token hashes. */
public final class PartnerRepository {
    private final Jdbi jdbi;

    public PartnerRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public record StoredPartner(Partner partner, String passwordHash) {}

    Optional<StoredPartner> findByLogin(String login) {
        return jdbi.withHandle(h -> h.createQuery("select id, login, password_hash from partner where login = :login")
                .bind("login", login)
                .map((rs, c) -> new StoredPartner(new Partner(rs.getLong("id"), rs.getString("login")),
                        rs.getString("password_hash")))
                .findOne());
    }

    /**
     * Inserts the partner unless the login exists; returns true when it was created. Nodes that start at once
     * with the same AKEPA_PARTNERS all try: the unique login lets one insert win and the others return false.
     */
    public boolean createIfAbsent(String login, String passwordHash, long nowMillis) {
        try {
            return jdbi.inTransaction(h -> {
                boolean exists = h.createQuery("select count(*) from partner where login = :login")
                        .bind("login", login).mapTo(Integer.class).one() > 0;
                if (exists) return false;
                h.createUpdate("insert into partner (login, password_hash, created_at) values (:login, :hash, :now)")
                        .bind("login", login).bind("hash", passwordHash).bind("now", nowMillis).execute();
                return true;
            });
        } catch (RuntimeException e) {
            if (Transactions.isUniqueViolation(e)) return false;
            throw e;
        }
    }

    public void updatePassword(String login, String passwordHash) {
        jdbi.useHandle(h -> h.createUpdate("update partner set password_hash = :hash where login = :login")
                .bind("login", login).bind("hash", passwordHash).execute());
    }

    void saveToken(String tokenHash, long partnerId, long expiresAtMillis) {
        jdbi.useHandle(h -> h.createUpdate(
                        "insert into api_token (token_hash, partner_id, expires_at) values (:hash, :partner, :expires)")
                .bind("hash", tokenHash).bind("partner", partnerId).bind("expires", expiresAtMillis).execute());
    }

    public record TokenOwner(Partner partner, long expiresAtMillis) {}

    Optional<TokenOwner> findToken(String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select p.id, p.login, t.expires_at from api_token t join partner p on p.id = t.partner_id
                        where t.token_hash = :hash""")
                .bind("hash", tokenHash)
                .map((rs, c) -> new TokenOwner(new Partner(rs.getLong("id"), rs.getString("login")),
                        rs.getLong("expires_at")))
                .findOne());
    }

    int deleteExpiredTokens(long nowMillis) {
        return jdbi.withHandle(h -> h.createUpdate("delete from api_token where expires_at < :now")
                .bind("now", nowMillis).execute());
    }
}
