package dev.akepa.webhook;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each partner's signing secret, created on first use, encrypted at rest. Rotation keeps the previous secret
 * signing for the configured overlap, so a receiver can switch secrets without dropping a callback.
 */
final class SigningSecrets {
    /** Other processes' rotations reach this one's signatures within this time; the overlap covers the gap. */
    private static final long CACHE_MILLIS = 5_000;

    private final Jdbi jdbi;
    private final SecretCipher cipher;
    private final Clock clock;
    private final Duration overlap;
    private final ConcurrentHashMap<Long, CachedKeys> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Object> loadLocks = new ConcurrentHashMap<>();

    /** @param previousValidUntil epoch millis, null when there is no previous secret still valid */
    record Secrets(String current, String previous, Long previousValidUntil) {}

    private record CachedKeys(List<byte[]> keys, long validUntilMillis) {}

    private record StoredRow(String current, String previous, Long previousValidUntil) {}

    SigningSecrets(Jdbi jdbi, SecretCipher cipher, Clock clock, Duration overlap) {
        this.jdbi = jdbi;
        this.cipher = cipher;
        this.clock = clock;
        this.overlap = overlap;
    }

    Secrets secrets(long partnerId) {
        return jdbi.inTransaction(h -> {
            createIfAbsent(h, partnerId);
            return decrypt(partnerId, read(h, partnerId, false));
        });
    }

    Secrets rotate(long partnerId) {
        Secrets rotated = jdbi.inTransaction(h -> {
            createIfAbsent(h, partnerId);
            Secrets old = decrypt(partnerId, read(h, partnerId, true));
            long now = clock.millis();
            String fresh = Signatures.newSecret();
            h.createUpdate("""
                            update webhook_secret set current_secret = :current, previous_secret = :previous,
                                   previous_valid_until = :until, rotated_at = :now where partner_id = :partner""")
                    .bind("current", cipher.encrypt(fresh, partnerId))
                    .bind("previous", cipher.encrypt(old.current(), partnerId))
                    .bind("until", now + overlap.toMillis())
                    .bind("now", now)
                    .bind("partner", partnerId)
                    .execute();
            return new Secrets(fresh, old.current(), now + overlap.toMillis());
        });
        cache.remove(partnerId);
        return rotated;
    }

    /** The HMAC keys to sign with now: the current secret, plus the previous one during an overlap. */
    List<byte[]> signingKeys(long partnerId) {
        CachedKeys cached = cache.get(partnerId);
        if (cached != null && cached.validUntilMillis() > clock.millis()) return cached.keys();
        // one loader per partner: a burst of first callbacks must not race to create the secret
        synchronized (loadLocks.computeIfAbsent(partnerId, id -> new Object())) {
            cached = cache.get(partnerId);
            if (cached != null && cached.validUntilMillis() > clock.millis()) return cached.keys();
            return load(partnerId);
        }
    }

    private List<byte[]> load(long partnerId) {
        long now = clock.millis();
        Secrets secrets = secrets(partnerId);
        List<byte[]> keys = new ArrayList<>(2);
        keys.add(Signatures.keyOf(secrets.current()));
        long validUntil = now + CACHE_MILLIS;
        if (secrets.previous() != null) {
            keys.add(Signatures.keyOf(secrets.previous()));
            validUntil = Math.min(validUntil, secrets.previousValidUntil());
        }
        List<byte[]> fixed = List.copyOf(keys);
        cache.put(partnerId, new CachedKeys(fixed, validUntil));
        return fixed;
    }

    /** Re-encrypts secrets stored before the key hierarchy (v1, under the master key) with the current key. */
    int upgradeLegacy() {
        return jdbi.inTransaction(h -> {
            List<Long> partners = h.createQuery("select partner_id from webhook_secret where current_secret like 'v1:%' "
                    + "or previous_secret like 'v1:%' for update").mapTo(Long.class).list();
            for (long partnerId : partners) {
                StoredRow row = read(h, partnerId, true);
                h.createUpdate("update webhook_secret set current_secret = :current, previous_secret = :previous "
                                + "where partner_id = :partner")
                        .bind("current", cipher.encrypt(cipher.decrypt(row.current(), partnerId), partnerId))
                        .bind("previous", row.previous() == null ? null
                                : cipher.encrypt(cipher.decrypt(row.previous(), partnerId), partnerId))
                        .bind("partner", partnerId)
                        .execute();
            }
            return partners.size();
        });
    }

    private void createIfAbsent(Handle h, long partnerId) {
        boolean exists = h.createQuery("select count(*) from webhook_secret where partner_id = :partner")
                .bind("partner", partnerId).mapTo(Integer.class).one() > 0;
        if (exists) return;
        // two processes may race to create it; the primary key keeps exactly one
        h.createUpdate("""
                        insert into webhook_secret (partner_id, current_secret, rotated_at) values (:partner, :secret, :now)
                        on conflict do nothing""")
                .bind("partner", partnerId)
                .bind("secret", cipher.encrypt(Signatures.newSecret(), partnerId))
                .bind("now", clock.millis())
                .execute();
    }

    private StoredRow read(Handle h, long partnerId, boolean forUpdate) {
        return h.createQuery("select current_secret, previous_secret, previous_valid_until from webhook_secret "
                        + "where partner_id = :partner" + (forUpdate ? " for update" : ""))
                .bind("partner", partnerId)
                .map((rs, ctx) -> new StoredRow(rs.getString(1), rs.getString(2),
                        rs.getObject(3) == null ? null : rs.getLong(3)))
                .one();
    }

    private Secrets decrypt(long partnerId, StoredRow row) {
        String current = cipher.decrypt(row.current(), partnerId);
        boolean previousValid = row.previous() != null && row.previousValidUntil() != null
                && row.previousValidUntil() > clock.millis();
        return previousValid
                ? new Secrets(current, cipher.decrypt(row.previous(), partnerId), row.previousValidUntil())
                : new Secrets(current, null, null);
    }
}
