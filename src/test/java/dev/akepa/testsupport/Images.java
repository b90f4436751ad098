package dev.akepa.testsupport;

import java.util.Random;

/** Bytes that start like real JPEG / PNG files (the server checks magic bytes), of any size. */
public final class Images {
    private Images() {}

    public static byte[] jpeg(int size) {
        return jpeg(size, 1);
    }

    /** A JPEG-looking file whose other bytes depend on {@code seed}: different seeds, different SHA-256. */
    public static byte[] jpeg(int size, long seed) {
        byte[] b = filler(size, seed);
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[2] = (byte) 0xFF;
        b[3] = (byte) 0xE0;
        return b;
    }

    public static byte[] png(int size) {
        byte[] b = filler(size, 2);
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        System.arraycopy(magic, 0, b, 0, magic.length);
        return b;
    }

    private static byte[] filler(int size, long seed) {
        byte[] b = new byte[Math.max(size, 16)];
        new Random(seed + size).nextBytes(b);
        return b;
    }
}
