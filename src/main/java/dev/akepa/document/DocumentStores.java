package dev.akepa.document;

import java.io.IOException;

/** Opens the document store the configuration names: local files (default) or S3-compatible object storage. */
public final class DocumentStores {
    private DocumentStores() {}

    public static DocumentStore open(StorageConfig config) throws IOException {
        return switch (config) {
            case StorageConfig.Local local -> new LocalDocumentStore(local.dataDir());
            case S3Config s3 -> S3DocumentStore.connect(s3);
        };
    }
}
