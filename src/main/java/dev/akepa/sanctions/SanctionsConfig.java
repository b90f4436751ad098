package dev.akepa.sanctions;

import java.nio.file.Path;
import java.time.Duration;

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
}
