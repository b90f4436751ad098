package dev.akepa.keys;

/**
 * A start that must not go on, with a one-line reason for the operator (wrong or missing master key). Thrown before
 * anything is written, and printed as a single line by the launcher.
 */
public final class StartRefused extends RuntimeException {
    public StartRefused(String message) {
        super(message, null, false, false);
    }
}
