package dev.akepa.keys;

import java.nio.file.Path;

/**
 * Where the master key comes from (docs/data-protection.md).
 *
 * @param masterKeyBase64 AKEPA_MASTER_KEY: base64 of 32 bytes; null means use (or, on a new database, create) masterKeyFile
 * @param masterKeyFile   the generated key file, data directory/master.key, mode 0600
 */
public record KeysConfig(String masterKeyBase64, Path masterKeyFile) {

    /** The master key never appears in logs or error messages. */
    @Override
    public String toString() {
        return "KeysConfig[masterKey=" + (masterKeyBase64 == null ? masterKeyFile : "(from AKEPA_MASTER_KEY)") + "]";
    }
}
