package dev.akepa.keys;

import com.google.crypto.tink.KeysetHandle;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * {@code ./akepa keys rotate | status}. Rotation adds a key-encryption key version, re-wraps every data key under it
 * (no data is re-encrypted: a data key is ~100 bytes, a customer's fields or a document are not), then retires
 * versions no data key uses. Nodes keep serving throughout: they read data keys under any loaded version, and a
 * node still wrapping new keys under a retired version is refused by the insert's guard and reloads.
 */
final class KeyRotation {
    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);
    private static final int BATCH = 500;
    /** Between stopping new wraps under old versions and destroying them: longer than any insert's transaction. */
    private static final long RETIRE_GRACE_MILLIS = 2_000;

    private final KeyRing ring;

    KeyRotation(KeyRing ring) {
        this.ring = ring;
    }

    public record Rotated(int newVersion, long rewrapped, List<Integer> retired) {}

    public record VersionStatus(int version, long createdAtMillis, Long retiredAtMillis, long dataKeys) {
        public String state() {
            return retiredAtMillis == null ? "active" : "retired";
        }
    }

    public Rotated rotate() throws InterruptedException {
        int version = ring.jdbi().inTransaction(h -> {
            int next = h.createQuery("select coalesce(max(version), 0) + 1 from key_encryption_key").mapTo(Integer.class).one();
            KeysetHandle kek = Tink.generate(com.google.crypto.tink.aead.PredefinedAeadParameters.AES256_GCM);
            h.createUpdate("insert into key_encryption_key (version, wrapped_key, created_at) values (:v, :w, :now)")
                    .bind("v", next).bind("w", Tink.wrap(kek, ring.master(), KeyRing.kekContext(next)))
                    .bind("now", ring.clock().millis()).execute();
            return next;
        });
        ring.reloadKeks();
        log.info("Key rotation: key-encryption key version {} added", version);
        long rewrapped = rewrapAll(version);
        // Stop wraps under the older versions, let inserts that raced the flag commit, catch them, then destroy.
        List<Integer> older = ring.jdbi().withHandle(h -> h.createQuery(
                        "select version from key_encryption_key where version < :v and retired_at is null")
                .bind("v", version).mapTo(Integer.class).list());
        ring.jdbi().useHandle(h -> h.createUpdate(
                        "update key_encryption_key set retired_at = :now where version < :v and retired_at is null")
                .bind("now", ring.clock().millis()).bind("v", version).execute());
        Thread.sleep(RETIRE_GRACE_MILLIS);
        rewrapped += rewrapAll(version);
        List<Integer> destroyed = ring.jdbi().withHandle(h -> {
            List<Integer> unused = h.createQuery("""
                            select version from key_encryption_key k where version < :v and wrapped_key is not null
                            and not exists (select 1 from data_key d where d.kek_version = k.version)""")
                    .bind("v", version).mapTo(Integer.class).list();
            for (int v : unused) {
                h.createUpdate("""
                                update key_encryption_key set wrapped_key = null where version = :v
                                and not exists (select 1 from data_key d where d.kek_version = :v)""")
                        .bind("v", v).execute();
            }
            return unused;
        });
        log.info("Key rotation: {} data keys re-wrapped under version {}; versions {} retired (older: {})",
                rewrapped, version, destroyed, older);
        return new Rotated(version, rewrapped, destroyed);
    }

    private long rewrapAll(int version) {
        long total = 0;
        while (true) {
            int done = ring.jdbi().inTransaction(h -> rewrapBatch(h, version));
            total += done;
            if (done < BATCH) return total;
        }
    }

    private record Wrapped(String owner, int version, byte[] wrapped) {}

    private int rewrapBatch(Handle h, int version) {
        List<Wrapped> rows = h.createQuery("select owner_id, kek_version, wrapped_key from data_key where kek_version <> :v "
                        + "order by owner_id limit " + BATCH)
                .bind("v", version)
                .map((rs, ctx) -> new Wrapped(rs.getString(1), rs.getInt(2), StoredCiphertext.of(rs.getObject(3)))).list();
        for (Wrapped row : rows) {
            String context = KeyRing.dataKeyContext(row.owner());
            KeysetHandle key = Tink.unwrap(row.wrapped(), ring.kek(row.version()), context);
            // Guarded by the old version: a key erased meanwhile simply stays erased.
            h.createUpdate("update data_key set kek_version = :v, wrapped_key = :w where owner_id = :o and kek_version = :old")
                    .bind("v", version).bind("w", Tink.wrap(key, ring.kek(version), context))
                    .bind("o", row.owner()).bind("old", row.version()).execute();
        }
        return rows.size();
    }

    public List<VersionStatus> status() {
        return ring.jdbi().withHandle(h -> h.createQuery("""
                        select k.version, k.created_at, k.retired_at,
                               (select count(*) from data_key d where d.kek_version = k.version) as data_keys
                        from key_encryption_key k order by k.version""")
                .map((rs, ctx) -> new VersionStatus(rs.getInt(1), rs.getLong(2),
                        rs.getObject(3) == null ? null : rs.getLong(3), rs.getLong(4)))
                .list());
    }
}
