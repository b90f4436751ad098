package dev.akepa.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where document bytes live: local files by default, S3-compatible object storage in production.
 * An upload is first streamed to a local temp file (size cap, magic bytes, SHA-256), then handed over here,
 * so no implementation ever holds a whole file in memory.
 */
public interface DocumentStore {

    /** Takes ownership of {@code verifiedFile} and stores it under {@code key}; the temp file is gone afterwards. */
    void put(String key, Path verifiedFile, long sizeBytes, String sha256Hex) throws IOException;

    /** Streams the stored bytes back; the caller closes the stream. */
    InputStream open(String key) throws IOException;

    /** Removes the object under {@code key}; removing one that is not there is not an error (purges resume). */
    void delete(String key) throws IOException;

    /** True when the store can be reached (used by the readiness check). */
    boolean isReachable();
}
