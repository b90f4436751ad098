package dev.akepa.keys;

import com.google.crypto.tink.Aead;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * AEAD over text with one data key. {@code context} is the associated data: the row the value belongs to (partner
 * and customer ids), so a ciphertext copied to another row does not open there.
 */
public final class Sealer {
    private final Aead aead;
    private final String owner;

    Sealer(Aead aead, String owner) {
        this.aead = aead;
        this.owner = owner;
    }

    /** base64 of {@link #sealToBytes}, for the columns and values that are text. */
    public String seal(String plaintext, String context) {
        return Base64.getEncoder().encodeToString(sealToBytes(plaintext, context));
    }

    /** Tink's AES-256-GCM output (key id ‖ nonce ‖ ciphertext ‖ tag). */
    public byte[] sealToBytes(String plaintext, String context) {
        try {
            return aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), Tink.bytes(context));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed for " + owner, e);
        }
    }

    public String open(String sealed, String context) {
        return openStored(sealed, context);
    }

    /** A sealed column's value: bytes, or the base64 text of versions before V89 ({@link StoredCiphertext}). */
    public String openStored(Object column, String context) {
        byte[] sealed;
        try {
            sealed = StoredCiphertext.of(column);
        } catch (IllegalArgumentException e) {
            throw undecryptable(context, e);
        }
        return open(sealed, context);
    }

    public String open(byte[] sealed, String context) {
        try {
            return new String(aead.decrypt(sealed, Tink.bytes(context)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw undecryptable(context, e);
        }
    }

    private UndecryptableData undecryptable(String context, Exception e) {
        return new UndecryptableData("data sealed for " + context + " does not decrypt with the data key of " + owner
                + " (copied from another row, altered, or sealed under another key)", e);
    }
}
