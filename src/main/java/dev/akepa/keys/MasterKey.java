package dev.akepa.keys;

import com.google.crypto.tink.Aead;
import dev.akepa.store.PrivateFiles;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The root of the key hierarchy: AKEPA_MASTER_KEY, or else a key file created on a new database's first start.
 * It only wraps key-encryption keys (and checks itself against the stored key check value), so it never sees data.
 * Every process sharing a database must use the same key, so clusters set AKEPA_MASTER_KEY explicitly.
 */
final class MasterKey {
    private static final int BYTES = 32;

    private MasterKey() {}

    /** @param mayCreateFile false once the database holds a key check value: a missing file then means a lost key */
    static Aead load(KeysConfig config, boolean mayCreateFile) {
        if (config.masterKeyBase64() != null) return aead(fromBase64(config.masterKeyBase64(), "AKEPA_MASTER_KEY"));
        Path file = config.masterKeyFile();
        try {
            if (!Files.exists(file)) {
                if (!mayCreateFile) {
                    throw new StartRefused("the master key file " + file + " is missing and AKEPA_MASTER_KEY is not set, "
                            + "but this database's data is encrypted under a master key: restore the key (refusing to start)");
                }
                create(file);
            }
            return aead(fromBase64(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key file " + file, e);
        }
    }

    static byte[] fromBase64(String text, String source) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw new StartRefused(source + " is not valid base64");
        }
        if (raw.length != BYTES) {
            throw new StartRefused(source + " must be base64 of exactly 32 bytes (e.g. `openssl rand -base64 32`)");
        }
        return raw;
    }

    /**
     * AES-256-GCM without Tink's key-id prefix: its output (12-byte nonce ‖ ciphertext ‖ tag) is exactly the format
     * the webhook secrets used before Tink, so those still decrypt while they are re-encrypted.
     */
    static Aead aead(byte[] raw) {
        Tink.register();
        try {
            AesGcmParameters parameters = AesGcmParameters.builder().setKeySizeBytes(BYTES).setIvSizeBytes(12)
                    .setTagSizeBytes(16).setVariant(AesGcmParameters.Variant.NO_PREFIX).build();
            AesGcmKey key = AesGcmKey.builder().setParameters(parameters)
                    .setKeyBytes(SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get())).build();
            return Tink.aead(KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary()).build());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /**
     * Writes a fresh key to a private temporary file, then hard-links it into place: the link fails if another
     * process won the race, so all processes end up reading the same complete key.
     */
    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        PrivateFiles.createDirectories(dir);
        byte[] raw = new byte[BYTES];
        new SecureRandom().nextBytes(raw);
        Path temp = PrivateFiles.createTempFile(dir, ".master", ".tmp");
        try {
            Files.writeString(temp, Base64.getEncoder().encodeToString(raw) + "\n", StandardCharsets.US_ASCII);
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException e) {
            // another process created it first; use theirs
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
