package dev.akepa.document;

import dev.akepa.store.PrivateFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Documents as files under {@code <dataDir>/documents/<shard>/<key>}, for a single node. A stored file is
 * either complete or absent: the bytes are forced to disk before an atomic rename makes them visible.
 */
final class LocalDocumentStore implements DocumentStore {
    private final Path root;

    public LocalDocumentStore(Path dataDir) throws IOException {
        this.root = PrivateFiles.createDirectories(dataDir.resolve("documents"));
    }

    /** Where {@code key} lives on disk. */
    Path pathOf(String key) {
        StorageKeys.requireValid(key);
        return root.resolve(shardOf(key)).resolve(key);
    }

    @Override
    public void put(String key, Path verifiedFile, long sizeBytes, String sha256Hex) throws IOException {
        try {
            Path target = pathOf(key);
            HandedOverFile.requireSize(verifiedFile, sizeBytes);
            PrivateFiles.createDirectories(target.getParent());
            force(verifiedFile);
            moveIntoPlace(verifiedFile, target);
            force(target.getParent());
        } finally {
            HandedOverFile.discard(verifiedFile);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return Files.newInputStream(pathOf(key));
        } catch (NoSuchFileException e) {
            throw new StoredDocumentMissing(key, root.toString());
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(pathOf(key));
    }

    @Override
    public boolean isReachable() {
        return Files.isDirectory(root) && Files.isWritable(root);
    }

    /**
     * Document ids share a type prefix ("doc_…"), so the first two characters after the last '_' spread files
     * over up to 62² directories; a key without such a part falls back to its own first two characters.
     */
    static String shardOf(String key) {
        String random = key.substring(key.lastIndexOf('_') + 1);
        return (random.length() >= 2 ? random : key).substring(0, 2);
    }

    /**
     * The temp file normally sits on the same file system (dataDir/tmp), where a rename is atomic. When it
     * does not, the bytes are first copied next to the target and renamed from there.
     */
    private static void moveIntoPlace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException crossDevice) {
            Path staged = Files.createTempFile(target.getParent(), ".incoming-", ".part");
            try {
                Files.copy(source, staged, StandardCopyOption.REPLACE_EXISTING);
                force(staged);
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(staged);
            }
        }
    }

    /** fsync; directories too, so the rename itself survives a crash (Linux allows it, others may not). */
    private static void force(Path path) throws IOException {
        boolean directory = Files.isDirectory(path);
        try (FileChannel channel = FileChannel.open(path, directory ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            if (!directory) throw e;
        }
    }
}
