package dev.akepa.http;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** requestId: 32 lowercase hex characters, new for every request. */
public final class RequestIds {
    /**
     * DRBG rather than the platform default (NativePRNG), which reads /dev/urandom under a global lock on every
     * call: a system call per request for an id that only needs to be unpredictable.
     */
    private static final SecureRandom RANDOM = drbg();

    private RequestIds() {}

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    public static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
