package dev.akepa.document;

import java.nio.file.Path;

/** Where document bytes live (AKEPA_STORAGE): local files under the data directory, or an S3 bucket. */
public sealed interface StorageConfig permits StorageConfig.Local, S3Config {
    /** @param dataDir documents go under dataDir/documents */
    record Local(Path dataDir) implements StorageConfig {}
}
