package dev.akepa.keys;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the master key comes from (docs/data-protection.md).
 *
 * @param masterKeyBase64 AKEPA_MASTER_KEY: base64 of 32 bytes; null means use (or, on a new database, create) masterKeyFile
 * @param masterKeyFile   the generated key file, data directory/master.key, mode 0600
 */
public record KeysConfig(String masterKeyBase64, Path masterKeyFile) {

    public static KeysConfig fromEnv(Map<String, String> env, Path dataDir) {
        String key = env.get("AKEPA_MASTER_KEY");
        return new KeysConfig(key == null || key.isBlank() ? null : key.trim(), dataDir.resolve("master.key"));
    }

    /** The master key never appears in logs or error messages. */
    @Override
    public String toString() {
        return "KeysConfig[masterKey=" + (masterKeyBase64 == null ? masterKeyFile : "(from AKEPA_MASTER_KEY)") + "]";
    }
}
