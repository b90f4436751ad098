package dev.akepa.review;

import dev.akepa.kyc.EntityOutcome;

import java.time.Duration;

/**
 * The console's case work.
 *
 * @param claimIdle a claim on a case lapses after this long without its holder touching the case
 *                  (AKEPA_REVIEW_CLAIM_IDLE, 15m)
 * @param fourEyes  which decisions need a second reviewer, a supervisor, to confirm them before they take effect
 *                  (AKEPA_REVIEW_FOUR_EYES: off, denials or all; off)
 */
public record ReviewConfig(Duration claimIdle, FourEyes fourEyes) {

    public enum FourEyes {
        OFF, DENIALS, ALL;

        public boolean requires(EntityOutcome outcome) {
            return this == ALL || (this == DENIALS && outcome == EntityOutcome.DENIED);
        }

        public static FourEyes parse(String text) {
            return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "off" -> OFF;
                case "denials" -> DENIALS;
                case "all" -> ALL;
                default -> throw new IllegalArgumentException("AKEPA_REVIEW_FOUR_EYES must be off, denials or all");
            };
        }
    }
}
