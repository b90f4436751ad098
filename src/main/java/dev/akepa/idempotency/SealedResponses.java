package dev.akepa.idempotency;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Hkdf;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Stored responses are sealed (they can hold names or a webhook secret), with the partner and the Idempotency-Key
 * as associated data: a sealed body copied to another row does not open. Which key seals them is decided in one
 * place, {@link #underMasterKey}: the only use of the master key in this package (when the key hierarchy of issue
 * 10 lands, a system data key of its own replaces it here, and nowhere else).
 */
public final class SealedResponses {
    /** AEAD over text, base64 out: the shape of the key hierarchy's sealer, so either can stand behind it. */
    interface TextSealer {
        String seal(String plaintext, String context);

        String open(String sealed, String context);
    }

    private final TextSealer sealer;

    private SealedResponses(TextSealer sealer) {
        this.sealer = sealer;
    }

    /** AES-256-GCM (Tink) under a key derived by HKDF from the master key, so it never doubles as the webhook-secret key. */
    public static SealedResponses underMasterKey(SecretKey masterKey) {
        Aead aead;
        try {
            byte[] key = Hkdf.computeHkdf("HMACSHA256", masterKey.getEncoded(), new byte[0],
                    "akepa-idempotent-responses".getBytes(StandardCharsets.US_ASCII), 32);
            aead = new AesGcmJce(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
        return new SealedResponses(new TextSealer() {
            @Override
            public String seal(String plaintext, String context) {
                try {
                    return Base64.getEncoder().encodeToString(aead.encrypt(utf8(plaintext), utf8(context)));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("sealing a stored response failed", e);
                }
            }

            @Override
            public String open(String sealed, String context) {
                try {
                    return new String(aead.decrypt(Base64.getDecoder().decode(sealed), utf8(context)), StandardCharsets.UTF_8);
                } catch (GeneralSecurityException | IllegalArgumentException e) {
                    throw new IllegalStateException("a stored response does not open with this master key; every node "
                            + "on one database must share AKEPA_MASTER_KEY", e);
                }
            }
        });
    }

    /** The envelopes are JSON written by Jackson, so valid UTF-8: the text round trip keeps every byte. */
    String seal(byte[] body, long partnerId, String idempotencyKey) {
        return sealer.seal(new String(body, StandardCharsets.UTF_8), context(partnerId, idempotencyKey));
    }

    byte[] open(String sealed, long partnerId, String idempotencyKey) {
        return utf8(sealer.open(sealed, context(partnerId, idempotencyKey)));
    }

    private static String context(long partnerId, String idempotencyKey) {
        return "akepa-idempotency:" + partnerId + ":" + idempotencyKey;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
