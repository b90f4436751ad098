package dev.akepa.keys;

import java.util.Base64;

/**
 * A ciphertext column's value as bytes: a wrapped key's, or a sealed value's ({@link Sealer#openStored}). Since V88
 * and V89, wrapped keys and customers' sealed bodies are stored as the bytes Tink writes; earlier versions wrote
 * base64 text. PostgreSQL's migrations decoded that text in place;
 * SQLite has no base64 in SQL, so its earlier rows stay text (a blob goes into the same column as it is).
 */
final class StoredCiphertext {
    private StoredCiphertext() {}

    /** @throws IllegalArgumentException when the text is not base64 */
    static byte[] of(Object column) {
        return column instanceof String base64 ? Base64.getDecoder().decode(base64) : (byte[]) column;
    }
}
