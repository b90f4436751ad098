package dev.akepa.document;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks and clean-up shared by the stores for the verified temp file a caller hands over to {@code put}. */
final class HandedOverFile {
    private static final Logger log = LoggerFactory.getLogger(HandedOverFile.class);

    private HandedOverFile() {}

    /** A size that disagrees with the file means the caller verified a different file: refuse loudly. */
    static void requireSize(Path file, long declaredBytes) throws IOException {
        long actual = Files.size(file);
        if (actual != declaredBytes) {
            throw new IllegalArgumentException(
                    "Handed-over file has " + actual + " bytes but the caller declared " + declaredBytes);
        }
    }

    /** The store owns the file once put is called, stored or not; a leftover temp file is only logged. */
    static void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete handed-over temp file {}", file.getFileName(), e);
        }
    }
}
