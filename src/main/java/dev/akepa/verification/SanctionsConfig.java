package dev.akepa.verification;

import java.nio.file.Path;

/**
 * Production mode's sanctions screening.
 *
 * @param listDir   the OFAC SDN legacy CSV files (AKEPA_SANCTIONS_DIR, data directory/ofac)
 * @param threshold name-match score that sends an entity to review (AKEPA_SCREENING_THRESHOLD, 0.92)
 */
public record SanctionsConfig(Path listDir, double threshold) {}
