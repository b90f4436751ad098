package dev.akepa.idempotency;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Hkdf;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Seals stored responses with AES-256-GCM (Tink), under a key derived by HKDF from the master key so it never
 * doubles as the webhook-secret key. The partner and the Idempotency-Key are associated data: a sealed body
 * copied to another row does not open.
 */
final class SealedResponses {
    private final Aead aead;

    SealedResponses(SecretKey masterKey) {
        try {
            byte[] key = Hkdf.computeHkdf("HMACSHA256", masterKey.getEncoded(), new byte[0],
                    "akepa-idempotent-responses".getBytes(StandardCharsets.US_ASCII), 32);
            this.aead = new AesGcmJce(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    String seal(byte[] body, long partnerId, String idempotencyKey) {
        try {
            return Base64.getEncoder().encodeToString(aead.encrypt(body, aad(partnerId, idempotencyKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing a stored response failed", e);
        }
    }

    byte[] open(String sealed, long partnerId, String idempotencyKey) {
        try {
            return aead.decrypt(Base64.getDecoder().decode(sealed), aad(partnerId, idempotencyKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored response does not open with this master key; every node on one "
                    + "database must share AKEPA_MASTER_KEY", e);
        }
    }

    private static byte[] aad(long partnerId, String idempotencyKey) {
        return ("akepa-idempotency:" + partnerId + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8);
    }
}
