package dev.akepa.webhook;

import dev.akepa.keys.PersonalData;
import dev.akepa.keys.Sealer;

/**
 * Webhook signing secrets at rest: AES-256-GCM (Tink) under the installation's webhook-secrets data key, from the
 * key hierarchy. Stored form: "v2:" + base64. The partner id is associated data, so a ciphertext copied to another
 * partner's row does not decrypt. "v1:" values (AES-GCM directly under the master key, before the hierarchy) still
 * open, and {@link SigningSecrets#upgradeLegacy} re-encrypts them at start.
 */
final class SecretCipher {
    private static final String LEGACY = "v1:";
    private static final String PREFIX = "v2:";

    private final Sealer sealer;
    private final PersonalData keys;

    SecretCipher(PersonalData keys) {
        this.keys = keys;
        this.sealer = keys.webhookSecrets();
    }

    String encrypt(String plaintext, long partnerId) {
        return PREFIX + sealer.seal(plaintext, context(partnerId));
    }

    String decrypt(String stored, long partnerId) {
        if (stored.startsWith(PREFIX)) return sealer.open(stored.substring(PREFIX.length()), context(partnerId));
        if (stored.startsWith(LEGACY)) return keys.openLegacySecret(stored.substring(LEGACY.length()), context(partnerId));
        throw new IllegalStateException("unknown secret encoding for partner " + partnerId);
    }

    static boolean isLegacy(String stored) {
        return stored != null && stored.startsWith(LEGACY);
    }

    private static String context(long partnerId) {
        return "akepa-webhook-secret:" + partnerId;
    }
}
