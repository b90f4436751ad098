package dev.akepa.http;

import java.security.SecureRandom;
import java.util.HexFormat;

/** requestId: 32 lowercase hex characters, new for every request. */
public final class RequestIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {}

    public static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
