package dev.akepa.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files Akepa creates are readable by its own user only (600, directories 700): the data directory holds the
 * database, the master key file and encrypted documents, and nobody else on the host needs any of them.
 * Files other libraries create (H2's database file) get the same mode from {@link #restrictTree}.
 */
public final class PrivateFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {}

    /** Like Files.createDirectories, every directory it creates being 700. */
    public static Path createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) return dir;
        Path parent = absolute.getParent();
        if (parent != null) createDirectories(parent);
        try {
            if (POSIX) Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(DIRECTORY));
            else Files.createDirectory(absolute);
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            // another thread or process made it first
        }
        return dir;
    }

    /** A new empty file, 600 from its first instant (not chmod-ed afterwards). */
    public static Path createTempFile(Path dir, String prefix, String suffix) throws IOException {
        FileAttribute<?>[] attributes = POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
        return Files.createTempFile(dir, prefix, suffix, attributes);
    }

    /** Sets 600 on every file and 700 on every directory under {@code root} (root included). */
    public static void restrictTree(Path root) throws IOException {
        if (!POSIX || !Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                try {
                    Files.setPosixFilePermissions(p, Files.isDirectory(p) ? DIRECTORY : FILE);
                } catch (java.nio.file.NoSuchFileException gone) {
                    // removed while walking (a finished upload's temp file)
                }
            }
        } catch (java.io.UncheckedIOException e) {
            if (!(e.getCause() instanceof java.nio.file.NoSuchFileException)) throw e.getCause();
        }
    }
}
