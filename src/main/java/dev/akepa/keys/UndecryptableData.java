package dev.akepa.keys;

/**
 * Stored ciphertext that does not open: copied from another row (its associated data differs), tampered with, or
 * encrypted under a key this node does not have. Never silently ignored: the request fails with a 500 and the log
 * says which owner, never what the data was.
 */
final class UndecryptableData extends IllegalStateException {
    UndecryptableData(String message, Throwable cause) {
        super(message, cause);
    }
}
