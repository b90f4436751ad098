package dev.akepa.keys;

import java.util.Base64;

/**
 * A ciphertext column's value as bytes (a wrapped key's; {@link Sealer#openStored} reads sealed values alike). Since V88 and V89, wrapped keys and customers' sealed bodies are stored as
 * the bytes Tink writes; earlier versions wrote base64 text. PostgreSQL's migrations decoded that text in place;
 * SQLite has no base64 in SQL, so its earlier rows stay text (a blob goes into the same column as it is).
 */
final class StoredCiphertext {
    private StoredCiphertext() {}

    static byte[] of(Object column) {
        return column instanceof String base64 ? Base64.getDecoder().decode(base64) : (byte[]) column;
    }
}
