package dev.akepa.erasure;

import java.time.Duration;

/**
 * How long personal data outlives the relationship (docs/data-protection.md).
 *
 * @param retention         AKEPA_RETENTION: after the later of the erase request and the application's completion
 *                          (default 5y in production: 31 CFR 1020.220(a)(3); 0 in sandbox mode, erased at once)
 * @param documentRetention AKEPA_DOCUMENT_RETENTION: document bytes of completed applications are purged after this
 *                          long; null keeps them until the customer's erasure
 * @param purgeInterval     how often a node looks for due erasures and expired documents (1m)
 */
public record RetentionConfig(Duration retention, Duration documentRetention, Duration purgeInterval) {
    public RetentionConfig {
        if (retention.isNegative()) throw new IllegalArgumentException("AKEPA_RETENTION must not be negative");
        if (documentRetention != null && documentRetention.isNegative()) {
            throw new IllegalArgumentException("AKEPA_DOCUMENT_RETENTION must not be negative");
        }
    }
}
