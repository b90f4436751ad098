package dev.akepa.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Document bytes as files under the data directory (the embedded default). */
public final class LocalDocumentStore implements DocumentStore {
    private final Path root;

    public LocalDocumentStore(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    @Override
    public void put(String key, Path verifiedFile, long sizeBytes, String sha256Hex) throws IOException {
        Path target = root.resolve(key);
        Files.move(verifiedFile, target, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(root.resolve(key));
    }

    @Override
    public boolean isReachable() {
        return Files.isWritable(root);
    }
}
