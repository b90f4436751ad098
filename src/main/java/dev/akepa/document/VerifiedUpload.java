package dev.akepa.document;

import dev.akepa.http.ApiErrors;

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
 * An upload copied to a local temp file while being counted, hashed and checked against its declared format,
 * so nothing holds the whole file in memory and nothing unchecked reaches the document store.
 */
record VerifiedUpload(Path file, long sizeBytes, String sha256) {

    static VerifiedUpload copy(InputStream in, Path tempDir, String extension, long maxBytes) throws IOException {
        Files.createDirectories(tempDir);
        Path temp = Files.createTempFile(tempDir, "upload-", ".part");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            byte[] head = new byte[ImageSignature.LONGEST];
            int headLength = 0;
            long total = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
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
            return new VerifiedUpload(temp, total, HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            Files.deleteIfExists(temp);
            throw new IllegalStateException(e);
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }
}
