package dev.akepa.sanctions;

import dev.akepa.Durations;
import dev.akepa.verification.screening.SanctionsList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BinaryOperator;

/**
 * Sanctions settings.
 *
 * @param importDir    OFAC files imported at start when they differ from the newest version (AKEPA_SANCTIONS_DIR;
 *                     default DATA_DIR/ofac when that directory exists); null for none
 * @param poll         how often a node looks for a newer list version (AKEPA_SANCTIONS_POLL, 1m)
 * @param threshold    review threshold (AKEPA_SCREENING_THRESHOLD, 0.92)
 * @param batchSize    customers per re-screening batch (AKEPA_RESCREEN_BATCH, 500)
 * @param lease        how long a claimed batch is this node's before another may take it (AKEPA_RESCREEN_LEASE, 5m)
 * @param rescreening  whether this node re-screens (AKEPA_RESCREEN_WORKER, true)
 */
public record SanctionsConfig(Path importDir, Duration poll, double threshold, int batchSize, Duration lease,
                              boolean rescreening) {

    public SanctionsConfig {
        if (!(threshold > 0 && threshold <= 1)) throw new IllegalArgumentException("AKEPA_SCREENING_THRESHOLD must be in (0, 1]");
        if (batchSize < 1) throw new IllegalArgumentException("AKEPA_RESCREEN_BATCH must be at least 1");
    }

    /** Reads the settings through {@code setting.apply(name, default)} (Config#get). */
    public static SanctionsConfig from(BinaryOperator<String> setting, Path dataDir) {
        String dir = setting.apply("AKEPA_SANCTIONS_DIR", null);
        Path importDir = dir != null ? Path.of(dir) : Files.isDirectory(dataDir.resolve("ofac")) ? dataDir.resolve("ofac") : null;
        return new SanctionsConfig(importDir,
                Durations.parse(setting.apply("AKEPA_SANCTIONS_POLL", "1m")),
                Double.parseDouble(setting.apply("AKEPA_SCREENING_THRESHOLD", Double.toString(SanctionsList.DEFAULT_THRESHOLD))),
                Integer.parseInt(setting.apply("AKEPA_RESCREEN_BATCH", "500")),
                Durations.parse(setting.apply("AKEPA_RESCREEN_LEASE", "5m")),
                Boolean.parseBoolean(setting.apply("AKEPA_RESCREEN_WORKER", "true")));
    }
}
