package dev.akepa.document;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Chooses the document store from AKEPA_STORAGE: local files (default) or S3-compatible object storage. */
public final class DocumentStores {
    private DocumentStores() {}

    public static DocumentStore open(String kind, Path dataDir, Map<String, String> env) throws IOException {
        return switch (kind) {
            case "local" -> new LocalDocumentStore(dataDir);
            case "s3" -> S3DocumentStore.connect(S3Config.fromEnv(env));
            default -> throw new IllegalArgumentException("AKEPA_STORAGE must be local or s3, not " + kind);
        };
    }
}
