package dev.akepa.keys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The key hierarchy (docs/data-protection.md):
 * <pre>
 * master key (AKEPA_MASTER_KEY or master.key)      wraps → key-encryption keys, one per version (key_encryption_key)
 * key-encryption key, newest active version         wraps → data keys, one per owner (data_key)
 * data key                                          encrypts → one customer's fields, one document's bytes,
 *                                                              or one system purpose (webhook secrets, tax-id PRF)
 * </pre>
 * Destroying a data key row erases what it encrypted (crypto-shredding); rotating re-wraps data keys only.
 */
public final class KeyRing {
    static final String KEY_CHECK_PLAINTEXT = "akepa key check v1";
    static final String KEY_CHECK_CONTEXT = "akepa-key-check";

    private final Jdbi jdbi;
    private final Aead master;
    private final Clock clock;
    private final ConcurrentHashMap<Integer, Aead> keks = new ConcurrentHashMap<>();
    private volatile int primaryVersion;
    /**
     * Data keys' primitives (Aead, StreamingAead, PrfSet) by owner: unwrapping a keyset and building its primitive
     * cost more than the row read. An erased owner's key may linger on another node until evicted, but its ciphertext
     * is deleted with it.
     */
    private final Cache<String, Object> primitives = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterAccess(Duration.ofMinutes(10)).build();

    private KeyRing(Jdbi jdbi, Aead master, Clock clock) {
        this.jdbi = jdbi;
        this.master = master;
        this.clock = clock;
    }

    /**
     * Checks the master key against the stored key check value before anything is written (a wrong key refuses to
     * start with {@link StartRefused}); on a database that has none yet, creates it with the first key-encryption key.
     */
    public static KeyRing open(Jdbi jdbi, KeysConfig config, Clock clock) {
        Optional<String> check = readCheck(jdbi);
        Aead master = MasterKey.load(config, check.isEmpty());
        if (check.isPresent()) verify(master, check.get());
        else bootstrap(jdbi, master, clock);
        KeyRing ring = new KeyRing(jdbi, master, clock);
        ring.reloadKeks();
        return ring;
    }

    private static Optional<String> readCheck(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("select check_value from key_check where id = 1")
                .mapTo(String.class).findOne());
    }

    private static void verify(Aead master, String stored) {
        try {
            master.decrypt(Base64.getDecoder().decode(stored), Tink.bytes(KEY_CHECK_CONTEXT));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new StartRefused("the master key (AKEPA_MASTER_KEY or master.key) is not the one this database was "
                    + "encrypted with: its key check value does not match; refusing to start, nothing was written");
        }
    }

    /** One transaction, so of two nodes starting a new database at once exactly one hierarchy is created. */
    private static void bootstrap(Jdbi jdbi, Aead master, Clock clock) {
        boolean created = jdbi.inTransaction(h -> {
            String check;
            try {
                check = Base64.getEncoder().encodeToString(
                        master.encrypt(Tink.bytes(KEY_CHECK_PLAINTEXT), Tink.bytes(KEY_CHECK_CONTEXT)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            int inserted = h.createUpdate("insert into key_check (id, check_value, created_at) values (1, :c, :now) "
                    + "on conflict do nothing").bind("c", check).bind("now", clock.millis()).execute();
            if (inserted == 0) return false;
            Aead kek = insertKek(h, master, 1, clock.millis());
            insertWrapped(h, Arrays.stream(SystemKey.values())
                    .map(key -> wrapped(key.owner(), Tink.generate(key.parameters()), 1, kek)).toList(), clock.millis());
            return true;
        });
        if (!created) verify(master, readCheck(jdbi).orElseThrow());
    }

    private static Aead insertKek(Handle h, Aead master, int version, long now) {
        KeysetHandle kek = Tink.generate(PredefinedAeadParameters.AES256_GCM);
        h.createUpdate("insert into key_encryption_key (version, wrapped_key, created_at) values (:v, :w, :now)")
                .bind("v", version).bind("w", Tink.wrap(kek, master, kekContext(version))).bind("now", now).execute();
        return Tink.aead(kek);
    }

    /**
     * Stores data keys in one batch, each only under its version if that is not retired (a node that has not seen a
     * rotation yet wraps again under the new one): per key, 0 when its version was retired, else 1. The one statement
     * that writes data keys, for the bootstrap's system keys, a document's key and a bulk load's million alike.
     */
    private static int[] insertWrapped(Handle h, List<NewDataKey> keys, long now) {
        if (keys.isEmpty()) return new int[0];
        var batch = h.prepareBatch("""
                insert into data_key (owner_id, kek_version, wrapped_key, created_at)
                select :owner, version, :wrapped, :now from key_encryption_key where version = :v and retired_at is null""");
        for (NewDataKey key : keys) {
            batch.bind("owner", key.owner()).bind("v", key.version()).bind("wrapped", key.wrapped()).bind("now", now).add();
        }
        return batch.execute();
    }

    private static NewDataKey wrapped(String owner, KeysetHandle key, int version, Aead kek) {
        return new NewDataKey(owner, key, version, Tink.wrap(key, kek, dataKeyContext(owner)));
    }

    static String kekContext(int version) {
        return "akepa-kek:" + version;
    }

    static String dataKeyContext(String owner) {
        return "akepa-data-key:" + owner;
    }

    synchronized void reloadKeks() {
        List<Map.Entry<Integer, byte[]>> rows = jdbi.withHandle(h -> h.createQuery(
                        "select version, wrapped_key, retired_at from key_encryption_key where wrapped_key is not null order by version")
                .map((rs, ctx) -> {
                    if (rs.getObject("retired_at") == null) primaryVersion = Math.max(primaryVersion, rs.getInt("version"));
                    return Map.entry(rs.getInt("version"), StoredCiphertext.of(rs.getObject("wrapped_key")));
                }).list());
        for (Map.Entry<Integer, byte[]> row : rows) {
            keks.computeIfAbsent(row.getKey(), v -> Tink.aead(Tink.unwrap(row.getValue(), master, kekContext(v))));
        }
    }

    Aead kek(int version) {
        Aead kek = keks.get(version);
        if (kek != null) return kek;
        reloadKeks();
        kek = keks.get(version);
        if (kek == null) throw new UndecryptableData("key-encryption key version " + version + " is not available", null);
        return kek;
    }

    int primaryVersion() {
        return primaryVersion;
    }

    /** A data key generated and wrapped, not stored yet: encrypting may start before the row is written. */
    record NewDataKey(String owner, KeysetHandle key, int version, byte[] wrapped) {}

    NewDataKey generateDataKey(String owner, Parameters parameters) {
        int version = primaryVersion;
        return wrapped(owner, Tink.generate(parameters), version, kek(version));
    }

    /** Stores a generated key in the caller's transaction, re-wrapped if a rotation retired its version meanwhile. */
    void saveDataKey(Handle h, NewDataKey key) {
        saveDataKeys(h, List.of(key));
    }

    /**
     * Stores generated keys in one batch in the caller's transaction; those whose version a rotation retired
     * meanwhile are wrapped again under the new primary version.
     */
    private void saveDataKeys(Handle h, List<NewDataKey> keys) {
        int[] inserted = insertWrapped(h, keys, clock.millis());
        List<NewDataKey> retired = new ArrayList<>();
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i] == 0) retired.add(keys.get(i));
        }
        if (retired.isEmpty()) return;
        reloadKeks(); // another node rotated: wrap under the new version
        int version = primaryVersion;
        List<NewDataKey> rewrapped = retired.stream()
                .map(key -> wrapped(key.owner(), key.key(), version, kek(version))).toList();
        int[] stored = insertWrapped(h, rewrapped, clock.millis());
        for (int i = 0; i < stored.length; i++) {
            if (stored[i] == 0) {
                throw new IllegalStateException("no active key-encryption key to wrap the data key of "
                        + rewrapped.get(i).owner());
            }
        }
    }

    /**
     * Creates {@code owner}'s data key in the caller's transaction and returns its primitive, cached: the new
     * customer's next requests read it.
     */
    <P> P createDataKey(Handle h, String owner, Parameters parameters, Function<KeysetHandle, P> primitive) {
        P made = createDataKeys(h, List.of(owner), parameters, primitive).getFirst();
        primitives.put(owner, made);
        return made;
    }

    /**
     * Generates and stores data keys for many owners in one batch (one statement for all), in the caller's
     * transaction, in the order of {@code owners}. Not cached: a bulk load would evict every key the API is using.
     */
    <P> List<P> createDataKeys(Handle h, List<String> owners, Parameters parameters, Function<KeysetHandle, P> primitive) {
        List<NewDataKey> keys = owners.stream().map(owner -> generateDataKey(owner, parameters)).toList();
        saveDataKeys(h, keys);
        return keys.stream().map(key -> primitive.apply(key.key())).toList();
    }

    /**
     * The data keys of many owners with one read, owner → primitive; destroyed keys are absent. Those already cached
     * are taken from the cache; those read are not added to it, since a sweep over every customer (re-screening a
     * million) would evict every key the API is using, one unwrap saved for nothing.
     */
    @SuppressWarnings("unchecked")
    <P> Map<String, P> dataKeys(Handle h, java.util.Collection<String> owners, Function<KeysetHandle, P> primitive) {
        Map<String, P> found = new java.util.HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String owner : owners) {
            Object cached = primitives.getIfPresent(owner);
            if (cached != null) found.put(owner, (P) cached);
            else missing.add(owner);
        }
        if (missing.isEmpty()) return found;
        h.createQuery("select owner_id, kek_version, wrapped_key from data_key where owner_id in (<owners>)")
                .bindList("owners", missing)
                .map((rs, ctx) -> Map.entry(rs.getString("owner_id"), primitive.apply(Tink.unwrap(
                        StoredCiphertext.of(rs.getObject("wrapped_key")), kek(rs.getInt("kek_version")),
                        dataKeyContext(rs.getString("owner_id"))))))
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        return found;
    }

    void cache(String owner, Object primitive) {
        primitives.put(owner, primitive);
    }

    /** {@code owner}'s data key as a primitive, or empty once it was destroyed (erasure); cached once read. */
    <P> Optional<P> dataKey(Handle h, String owner, Function<KeysetHandle, P> primitive) {
        Optional<P> found = Optional.ofNullable(dataKeys(h, List.of(owner), primitive).get(owner));
        found.ifPresent(made -> primitives.put(owner, made));
        return found;
    }

    @SuppressWarnings("unchecked")
    <P> Optional<P> dataKey(String owner, Function<KeysetHandle, P> primitive) {
        Object cached = primitives.getIfPresent(owner);
        if (cached != null) return Optional.of((P) cached);
        return jdbi.withHandle(h -> dataKey(h, owner, primitive));
    }

    /** Crypto-shredding: the data key row goes, and with it every way to read what it encrypted. */
    void destroyDataKeys(Handle h, List<String> owners) {
        if (owners.isEmpty()) return;
        h.createUpdate("delete from data_key where owner_id in (<owners>)").bindList("owners", owners).execute();
        primitives.invalidateAll(owners);
    }

    Jdbi jdbi() {
        return jdbi;
    }

    Aead master() {
        return master;
    }

    Clock clock() {
        return clock;
    }

    /** What {@code ./akepa keys} works on; the public face of rotation. */
    public KeyRotation rotation() {
        return new KeyRotation(this);
    }

    /** What customers, documents and webhook secrets encrypt with. */
    public PersonalData personalData() {
        return new PersonalData(this);
    }
}
