package dev.akepa.document;

import dev.akepa.http.ApiErrors;
import dev.akepa.store.PrivateFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An upload copied to a local temp file while being counted, hashed and checked against its declared format, and
 * encrypted on the way (the temp file holds ciphertext only), so nothing holds the whole file in memory, nothing
 * unchecked reaches the document store and no plaintext touches the disk.
 *
 * @param sizeBytes    plaintext bytes (what the document row records)
 * @param sha256       SHA-256 of the plaintext (recorded, and compared by verification)
 * @param storedBytes  bytes of the encrypted temp file handed to the store
 * @param storedSha256 SHA-256 of the encrypted file (the store's integrity check, e.g. S3's checksum)
 */
record VerifiedUpload(Path file, long sizeBytes, String sha256, long storedBytes, String storedSha256) {

    /** Wraps the temp file's stream in an encrypting one; closing the returned stream closes the file. */
    @FunctionalInterface
    interface Encryption {
        OutputStream encrypting(OutputStream file) throws IOException;
    }

    static VerifiedUpload copy(InputStream in, Path tempDir, String extension, long maxBytes, Encryption encryption)
            throws IOException {
        PrivateFiles.createDirectories(tempDir);
        Path temp = PrivateFiles.createTempFile(tempDir, "upload-", ".part");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            MessageDigest storedSha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            byte[] head = new byte[ImageSignature.LONGEST];
            int headLength = 0;
            long total = 0;
            try (OutputStream out = new DigestOutputStream(
                    encryption.encrypting(new DigestOutputStream(Files.newOutputStream(temp), storedSha)), sha)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                    if (total > maxBytes) throw ApiErrors.fileTooLarge(maxBytes);
                    int copy = Math.min(n, head.length - headLength);
                    if (copy > 0) {
                        System.arraycopy(buffer, 0, head, headLength, copy);
                        headLength += copy;
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (!ImageSignature.forExtension(extension).matches(head, headLength)) throw ApiErrors.fileTypeMismatch(extension);
            return new VerifiedUpload(temp, total, HexFormat.of().formatHex(sha.digest()), Files.size(temp),
                    HexFormat.of().formatHex(storedSha.digest()));
        } catch (NoSuchAlgorithmException e) {
            Files.deleteIfExists(temp);
            throw new IllegalStateException(e);
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }
}
