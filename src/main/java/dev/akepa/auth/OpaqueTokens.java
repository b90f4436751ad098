package dev.akepa.auth;

import dev.akepa.crypto.Sha256;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * 256-bit random tokens (partner and reviewer API tokens, session cookies) and the SHA-256 kept instead of them.
 * A token has full entropy, so a fast hash is enough: stealing the table gives nothing to replay.
 */
public final class OpaqueTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private OpaqueTokens() {}

    public static String generate() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** What is stored instead of the token. */
    static String hash(String token) {
        return Sha256.hex(token);
    }

    /** Constant-time comparison, so a guess cannot be refined by timing. */
    public static boolean same(String a, String b) {
        if (a == null || b == null) return false;
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
