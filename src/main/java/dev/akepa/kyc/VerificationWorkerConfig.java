package dev.akepa.kyc;

import java.time.Duration;

/**
 * Background verification of {@code syncMode: true} requests.
 *
 * @param enabled run the worker on this node (AKEPA_VERIFICATION_WORKER, true)
 * @param poll    how often to look for jobs queued by other nodes (AKEPA_VERIFICATION_POLL, 500ms)
 * @param lease   how long a claimed job stays claimed before another node may retry it (AKEPA_VERIFICATION_LEASE, 30s)
 */
public record VerificationWorkerConfig(boolean enabled, Duration poll, Duration lease) {}
