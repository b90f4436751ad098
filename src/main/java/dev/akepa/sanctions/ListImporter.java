package dev.akepa.sanctions;

import dev.akepa.verification.screening.ListFiles;
import dev.akepa.verification.screening.SanctionsList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Turns a directory of OFAC files into a list version: read, validated in full (a malformed or truncated file is
 * refused with its name and line, and nothing is stored, so the previous version stays current), then stored.
 * Files identical to the newest version's (same SHA-256s) make no new version.
 */
public final class ListImporter {
    private static final Logger log = LoggerFactory.getLogger(ListImporter.class);

    private final ListVersions versions;
    private final Clock clock;

    public ListImporter(ListVersions versions, Clock clock) {
        this.versions = versions;
        this.clock = clock;
    }

    /** @param version the new version, or the newest one when the files are unchanged */
    public record Outcome(long version, boolean created, SanctionsList.Counts counts) {}

    public Outcome importDirectory(Path directory) throws IOException {
        ListFiles files = ListFiles.read(directory);
        SanctionsList list = SanctionsList.of(files);
        SanctionsList.Counts counts = list.counts();
        String fingerprint = ListVersions.fingerprint(files.sha256());
        if (versions.newestFingerprint().filter(fingerprint::equals).isPresent()) {
            return new Outcome(versions.newestId().orElseThrow(), false, counts);
        }
        long id = versions.insert(files, counts, clock.millis());
        log.info("Imported sanctions list version {} from {}: {} entries, {} aliases, {} weak aliases, {} consolidated",
                id, directory, counts.entries(), counts.aliases(), counts.weakAliases(), counts.consolidatedEntries());
        return new Outcome(id, true, counts);
    }
}
