package dev.akepa.verification.screening;

/**
 * A listed entry whose name is close enough to the query's.
 *
 * @param matchedName the entry's name or alias that scored best, as OFAC writes it
 * @param nameScore   name similarity alone, 0..1
 * @param score       nameScore adjusted by the corroborating evidence, 0..1; compared with the threshold
 */
public record SanctionsMatch(SdnEntry entry, String matchedName, double nameScore, double score,
                             Evidence birthDate, Evidence country) {

    /** Whether a corroborating fact agrees with the listed entry. */
    public enum Evidence {
        MATCH, MISMATCH,
        /** The subject or the entry does not state it. */
        UNKNOWN
    }

    public int entityNumber() {
        return entry.entityNumber();
    }
}
