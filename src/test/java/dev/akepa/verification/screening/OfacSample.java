package dev.akepa.verification.screening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared OFAC sample, which is never committed: it sits in {@code shared/data/ofac} beside the clone
 * ({@code ../shared/data/ofac} from the repository root). A git worktree nested one level deeper finds it one
 * directory further up, so the lookup walks up from the working directory's parent.
 */
public final class OfacSample {
    private static SanctionsList loaded;

    private OfacSample() {}

    public static Path directory() {
        List<Path> tried = new ArrayList<>();
        for (Path dir = Path.of("").toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve("ofac");
            if (Files.isRegularFile(candidate.resolve("sdn.csv"))) return candidate;
            tried.add(candidate);
        }
        throw new IllegalStateException("The OFAC sample (sdn.csv, alt.csv, add.csv) was not found; these tests need a copy"
                + " of shared/ beside the clone, i.e. ../shared/data/ofac from the repository root. Looked in " + tried);
    }

    /** Loaded once per test run: the list is immutable, and loading takes a noticeable fraction of a second. */
    public static synchronized SanctionsList list() {
        if (loaded == null) {
            try {
                loaded = SanctionsList.load(directory());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return loaded;
    }
}
