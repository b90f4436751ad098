package dev.akepa.idempotency;

import dev.akepa.store.Transactions;
import org.jdbi.v3.core.Jdbi;

import java.util.Optional;

/** The idempotency_key table: claim a key, record its outcome, release it, purge old keys. */
final class IdempotencyStore {
    private final Jdbi jdbi;

    IdempotencyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A stored key; {@code status} is null while its first request runs (until {@code lockedUntil}). */
    record Stored(String fingerprint, Integer status, String requestId, String sealedBody, long lockedUntil,
                  long createdAt) {}

    Optional<Stored> find(long partnerId, String key) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select fingerprint, status, request_id, sealed_body, locked_until, created_at
                        from idempotency_key where partner_id = :partner and idem_key = :key""")
                .bind("partner", partnerId).bind("key", key)
                .map((rs, c) -> new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getLong(6)))
                .findOne());
    }

    /** True when this request now owns the key; the primary key lets exactly one of concurrent claims win. */
    boolean claim(long partnerId, String key, String fingerprint, long now, long lockedUntil) {
        try {
            jdbi.useHandle(h -> h.createUpdate("""
                            insert into idempotency_key (partner_id, idem_key, fingerprint, locked_until, created_at)
                            values (:partner, :key, :fp, :locked, :now)""")
                    .bind("partner", partnerId).bind("key", key).bind("fp", fingerprint)
                    .bind("locked", lockedUntil).bind("now", now).execute());
            return true;
        } catch (RuntimeException e) {
            if (Transactions.isUniqueViolation(e)) return false;
            throw e;
        }
    }

    /** Takes over a key whose first request never finished (its node died): only one taker wins the update. */
    boolean takeOver(long partnerId, String key, String fingerprint, long now, long lockedUntil) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        update idempotency_key set fingerprint = :fp, locked_until = :locked, created_at = :now
                        where partner_id = :partner and idem_key = :key and status is null and locked_until < :now""")
                .bind("partner", partnerId).bind("key", key).bind("fp", fingerprint)
                .bind("locked", lockedUntil).bind("now", now).execute()) == 1;
    }

    void complete(long partnerId, String key, int status, String requestId, String sealedBody) {
        jdbi.useHandle(h -> h.createUpdate("""
                        update idempotency_key set status = :status, request_id = :rid, sealed_body = :body
                        where partner_id = :partner and idem_key = :key""")
                .bind("status", status).bind("rid", requestId).bind("body", sealedBody)
                .bind("partner", partnerId).bind("key", key).execute());
    }

    /** Forgets a key whose request failed in a way worth retrying (5xx, 409, 429): the next attempt runs again. */
    void release(long partnerId, String key) {
        jdbi.useHandle(h -> h.createUpdate("delete from idempotency_key where partner_id = :partner and idem_key = :key")
                .bind("partner", partnerId).bind("key", key).execute());
    }

    int purgeCreatedBefore(long cutoff) {
        return jdbi.withHandle(h -> h.createUpdate("delete from idempotency_key where created_at < :cutoff")
                .bind("cutoff", cutoff).execute());
    }
}
