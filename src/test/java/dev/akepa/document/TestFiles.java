package dev.akepa.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** Random files as an upload leaves them in the temp directory, and digests of what a store gives back. */
final class TestFiles {
    private TestFiles() {}

    static Path randomFile(Path dir, int sizeBytes, long seed) throws IOException {
        Path file = Files.createTempFile(dir, "upload-", ".tmp");
        Random random = new Random(seed);
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int written = 0; written < sizeBytes; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, Math.min(chunk.length, sizeBytes - written));
            }
        }
        return file;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in).hex();
        }
    }

    /** Reads the stream to its end without keeping it. */
    static Digest sha256(InputStream in) throws IOException {
        MessageDigest digest = newDigest();
        long size;
        try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
            size = digesting.transferTo(OutputStream.nullOutputStream());
        }
        return new Digest(HexFormat.of().formatHex(digest.digest()), size);
    }

    record Digest(String hex, long sizeBytes) {}

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
