package dev.akepa.verification.screening;

/**
 * A listed entry whose name is close enough to the query's.
 *
 * @param matchedName   the entry's name or alias that scored best, as OFAC writes it
 * @param query         the query name it was compared with, as normalised
 * @param nameScore     name similarity alone, 0..1
 * @param score         nameScore adjusted by the corroborating evidence, 0..1; compared with the threshold
 * @param contributions what made the score: word pairs, missing and extra words, corroboration
 */
public record SanctionsMatch(SdnEntry entry, String matchedName, String query, double nameScore, double score,
                             Evidence birthDate, Evidence country, java.util.List<String> contributions) {

    public SanctionsMatch {
        contributions = java.util.List.copyOf(contributions);
    }

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
