package dev.akepa.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of text (UTF-8): the one place it is computed, for token hashes, lookup keys and audit chains. */
public final class Sha256 {
    private Sha256() {}

    /** Lowercase hex, as every column and chain stores it. */
    public static String hex(String value) {
        return HexFormat.of().formatHex(digest(value));
    }

    public static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
