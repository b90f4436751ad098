package dev.akepa.document;

import java.util.regex.Pattern;

/**
 * The one rule every store applies to keys: letters, digits, '_' and '-' only, so a key can never climb out
 * of the local documents directory or mean something different to an S3-compatible server.
 */
final class StorageKeys {
    private static final Pattern VALID = Pattern.compile("[0-9A-Za-z][0-9A-Za-z_-]{1,199}");

    private StorageKeys() {}

    static String requireValid(String key) {
        if (key == null || !VALID.matcher(key).matches()) {
            throw new IllegalArgumentException(
                    "Storage key must be 2-200 characters of [0-9A-Za-z_-] starting with a letter or digit: " + key);
        }
        return key;
    }
}
