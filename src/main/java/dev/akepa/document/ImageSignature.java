package dev.akepa.document;

import java.util.Arrays;

/** Magic bytes of the image formats the API accepts; the declared extension must match the content. */
enum ImageSignature {
    JPG("jpg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("png", new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    static final int LONGEST = 8;
    private final String extension;
    private final byte[] magic;

    ImageSignature(String extension, byte[] magic) {
        this.extension = extension;
        this.magic = magic;
    }

    static ImageSignature forExtension(String extension) {
        for (ImageSignature s : values()) if (s.extension.equals(extension)) return s;
        throw new IllegalArgumentException("no signature for extension " + extension);
    }

    boolean matches(byte[] head, int length) {
        return length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
