package dev.akepa.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PrfSet;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The narrow face of the key hierarchy for the features that hold personal data: a customer's field key, a
 * document's stream key, the keyed tax-id PRF, the webhook secrets' key, and destroying keys (erasure).
 */
public final class PersonalData {
    private final KeyRing ring;
    private volatile PrfSet taxIdPrf;
    private volatile Sealer webhookSecrets;

    PersonalData(KeyRing ring) {
        this.ring = ring;
    }

    /** The associated data of a customer's sealed fields: a ciphertext copied to another customer's row fails. */
    public static String customerContext(long partnerId, String customerId) {
        return "customer:" + partnerId + ":" + customerId;
    }

    /** A new customer's own AES-256-GCM data key, created in the caller's transaction. */
    public Sealer createCustomerKey(Handle h, String customerId) {
        return new Sealer(ring.createDataKey(h, customerId, PredefinedAeadParameters.AES256_GCM, Tink::aead), customerId);
    }

    /**
     * The row of a new data key, as the first write of its owner's statement ({@link dev.akepa.store.TwoWrites}):
     * nothing is written when a rotation retired the key's version since it was wrapped. Bound by
     * {@link #bindNewKey}.
     */
    public static final String NEW_KEY_ROW = """
            insert into data_key (owner_id, kek_version, wrapped_key, created_at)
            select :keyOwner, version, :keyWrapped, :keyNow from key_encryption_key
            where version = :keyVersion and retired_at is null""";
    /** The same row inserted after its owner's write, once per row that write wrote ({@code {written}}). */
    public static final String NEW_KEY_ROW_AFTER = """
            insert into data_key (owner_id, kek_version, wrapped_key, created_at)
            select :keyOwner, k.version, :keyWrapped, :keyNow from key_encryption_key k, {written}
            where k.version = :keyVersion and k.retired_at is null""";

    /** A new customer's data key, generated and wrapped but not stored: the customer row's statement stores it. */
    public static final class CustomerKey {
        private final KeyRing.NewDataKey key;
        private final Aead aead;
        private final Sealer sealer;

        private CustomerKey(KeyRing.NewDataKey key, Aead aead) {
            this.key = key;
            this.aead = aead;
            this.sealer = new Sealer(aead, key.owner());
        }

        public Sealer sealer() {
            return sealer;
        }
    }

    public CustomerKey newCustomerKey(String customerId) {
        KeyRing.NewDataKey key = ring.generateDataKey(customerId, PredefinedAeadParameters.AES256_GCM);
        return new CustomerKey(key, Tink.aead(key.key()));
    }

    /** Binds {@link #NEW_KEY_ROW}'s parameters. */
    public Update bindNewKey(Update statement, CustomerKey key) {
        return bind(statement, key.key);
    }

    /** Binds {@link #NEW_KEY_ROW_AFTER}'s parameters. */
    public Update bindNewKey(Update statement, DocumentKey key) {
        return bind(statement, key.key);
    }

    private Update bind(Update statement, KeyRing.NewDataKey key) {
        return statement.bind("keyOwner", key.owner()).bind("keyWrapped", key.wrapped())
                .bind("keyNow", ring.clock().millis()).bind("keyVersion", key.version());
    }

    /** After the customer row's statement stored the key: the new customer's next requests read it, cached. */
    public void customerKeyStored(CustomerKey key) {
        ring.cache(key.key.owner(), key.aead);
    }

    /** Stores the key on its own in the caller's transaction, wrapped again if a rotation retired its version. */
    public void saveCustomerKey(Handle h, CustomerKey key) {
        ring.saveDataKey(h, key.key);
        customerKeyStored(key);
    }

    /** New customers' data keys, stored in one batch in the caller's transaction, in the order of {@code customerIds}. */
    public List<Sealer> createCustomerKeys(Handle h, List<String> customerIds) {
        List<Aead> aeads = ring.createDataKeys(h, customerIds, PredefinedAeadParameters.AES256_GCM, Tink::aead);
        List<Sealer> sealers = new java.util.ArrayList<>(aeads.size());
        for (int i = 0; i < aeads.size(); i++) sealers.add(new Sealer(aeads.get(i), customerIds.get(i)));
        return sealers;
    }

    /** Many customers' data keys with one read; an erased customer is absent. */
    public Map<String, Sealer> customerKeys(Handle h, Collection<String> customerIds) {
        Map<String, Sealer> sealers = new HashMap<>();
        ring.dataKeys(h, customerIds, Tink::aead).forEach((id, aead) -> sealers.put(id, new Sealer(aead, id)));
        return sealers;
    }

    /** The customer's data key; empty once the customer was erased. */
    public Optional<Sealer> customerKey(Handle h, String customerId) {
        return ring.dataKey(h, customerId, Tink::aead).map(aead -> new Sealer(aead, customerId));
    }

    /**
     * HMAC-SHA256 (Tink PRF) of the tax id under the installation's PRF key, hex. Unlike a bare SHA-256, trying all
     * 10⁹ SSNs against a dump reveals nothing without the key. The partner is part of the input, so one person's
     * values at two partners do not link.
     */
    public String taxIdMac(long partnerId, String kind, String value) {
        return mac(partnerId, kind, value);
    }

    /**
     * The keyed form of a request's SHA-256 (an Idempotency-Key's fingerprint): the bodies carry personal data, and
     * a bare hash of one would let a dump test guesses (an SSN in an otherwise known body). "request" keeps these
     * MACs apart from the tax ids' ("SSN", "FEIN").
     */
    public String requestMac(long partnerId, String sha256Hex) {
        return mac(partnerId, "request", sha256Hex);
    }

    private String mac(long partnerId, String kind, String value) {
        PrfSet prf = taxIdPrf;
        if (prf == null) {
            taxIdPrf = prf = ring.dataKey(SystemKey.TAX_ID_PRF.owner(), Tink::prf)
                    .orElseThrow(() -> new IllegalStateException("the tax-id PRF key is missing"));
        }
        try {
            return HexFormat.of().formatHex(prf.computePrimary(
                    (partnerId + ":" + kind + ":" + value).getBytes(StandardCharsets.UTF_8), 32));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 failed", e);
        }
    }

    /** The associated data of a stored document's bytes. */
    public static String documentContext(long partnerId, String documentId, String storageKey) {
        return "document:" + partnerId + ":" + documentId + ":" + storageKey;
    }

    /** A stored object's new streaming key: used to encrypt first, saved with the row that records the upload. */
    public static final class DocumentKey {
        private final KeyRing.NewDataKey key;

        private DocumentKey(KeyRing.NewDataKey key) {
            this.key = key;
        }
    }

    /** A new AES-256-GCM-HKDF streaming key (4 KB segments: memory per upload stays a few KB) for {@code storageKey}. */
    public DocumentKey newDocumentKey(String storageKey) {
        return new DocumentKey(ring.generateDataKey(storageKey, PredefinedStreamingAeadParameters.AES256_GCM_HKDF_4KB));
    }

    /** Encrypts what is written to the returned stream into {@code out}; closing it closes {@code out}. */
    public OutputStream encryptingDocument(DocumentKey key, String context, OutputStream out) throws IOException {
        try {
            return Tink.streamingAead(key.key.key()).newEncryptingStream(out, Tink.bytes(context));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("streaming AEAD failed for " + key.key.owner(), e);
        }
    }

    /**
     * Stores the key in the caller's transaction, the one that records the upload: one commit per upload, and an
     * object whose upload never committed has no key (unreadable, as it should be).
     */
    public void saveDocumentKey(Handle h, DocumentKey key) {
        ring.saveDataKey(h, key.key);
    }

    /** The plaintext of a stored document; a segment that does not authenticate fails the read with an IOException. */
    public InputStream decryptingDocument(String storageKey, String context, InputStream in) throws IOException {
        StreamingAead aead = ring.dataKey(storageKey, Tink::streamingAead)
                .orElseThrow(() -> new UndecryptableData("the data key of document object " + storageKey
                        + " was destroyed (erased or expired)", null));
        try {
            return aead.newDecryptingStream(in, Tink.bytes(context));
        } catch (GeneralSecurityException e) {
            throw new UndecryptableData("document object " + storageKey + " does not decrypt", e);
        }
    }

    /** Crypto-shredding of customers' and document objects' keys, in the caller's transaction. */
    public void destroyKeys(Handle h, List<String> owners) {
        ring.destroyDataKeys(h, owners);
    }

    /** The installation's key for webhook signing secrets. */
    public Sealer webhookSecrets() {
        Sealer sealer = webhookSecrets;
        if (sealer == null) {
            webhookSecrets = sealer = new Sealer(ring.dataKey(SystemKey.WEBHOOK_SECRETS.owner(), Tink::aead)
                    .orElseThrow(() -> new IllegalStateException("the webhook secrets key is missing")),
                    SystemKey.WEBHOOK_SECRETS.owner());
        }
        return sealer;
    }

    /**
     * Opens a secret written before the key hierarchy existed (AES-256-GCM directly under the master key, 12-byte
     * nonce ‖ ciphertext ‖ tag): only to re-encrypt it under {@link #webhookSecrets()}.
     */
    public String openLegacySecret(String base64, String context) {
        try {
            return new String(ring.master().decrypt(Base64.getDecoder().decode(base64), Tink.bytes(context)),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UndecryptableData("a secret stored before the key hierarchy does not decrypt with this master key"
                    + "; every process on one database must share AKEPA_MASTER_KEY (or the master.key file)", e);
        }
    }
}
