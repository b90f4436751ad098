package dev.akepa.review;

import java.time.Duration;

/**
 * The console's case work.
 *
 * @param claimIdle a claim on a case lapses after this long without its holder touching the case
 *                  (AKEPA_REVIEW_CLAIM_IDLE, 15m)
 */
public record ReviewConfig(Duration claimIdle) {}
