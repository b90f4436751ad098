package dev.akepa.webhook;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The AES-256 key that encrypts secrets at rest: AKEPA_MASTER_KEY, or else a key file created on first start.
 * Every process sharing a database must use the same key, so clusters set AKEPA_MASTER_KEY explicitly.
 */
public final class MasterKey {
    private static final int BYTES = 32;

    private MasterKey() {}

    public static SecretKey load(WebhookConfig config) {
        if (config.masterKeyBase64() != null) return fromBase64(config.masterKeyBase64(), "AKEPA_MASTER_KEY");
        try {
            Path file = config.masterKeyFile();
            if (!Files.exists(file)) create(file);
            return fromBase64(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key file " + config.masterKeyFile(), e);
        }
    }

    private static SecretKey fromBase64(String text, String source) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " is not valid base64");
        }
        if (raw.length != BYTES) {
            throw new IllegalArgumentException(source + " must be base64 of exactly 32 bytes (e.g. `openssl rand -base64 32`)");
        }
        return new SecretKeySpec(raw, "AES");
    }

    /**
     * Writes a fresh key to a private temporary file, then hard-links it into place: the link fails if another
     * process won the race, so all processes end up reading the same complete key.
     */
    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] raw = new byte[BYTES];
        new SecureRandom().nextBytes(raw);
        Path dir = file.toAbsolutePath().getParent();
        Path temp = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(dir, ".master", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".master", ".tmp");
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
