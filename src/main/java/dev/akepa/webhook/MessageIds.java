package dev.akepa.webhook;

import java.math.BigInteger;
import java.security.SecureRandom;

/** webhook-id values: "msg_" + 22 base62 characters from 128 random bits, like the API's other ids. */
final class MessageIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final BigInteger SIXTY_TWO = BigInteger.valueOf(62);

    private MessageIds() {}

    static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        BigInteger value = new BigInteger(1, bytes);
        char[] out = new char[22];
        for (int i = out.length - 1; i >= 0; i--) {
            BigInteger[] qr = value.divideAndRemainder(SIXTY_TWO);
            out[i] = BASE62[qr[1].intValue()];
            value = qr[0];
        }
        return "msg_" + new String(out);
    }
}
