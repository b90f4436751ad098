package dev.akepa.sanctions;

import dev.akepa.verification.screening.DateSpan;
import dev.akepa.verification.screening.SanctionsMatch;
import dev.akepa.verification.screening.SdnEntry;

import java.util.List;

/**
 * One candidate as evidence and on the wire: the list entry's facts beside the score and what made it.
 *
 * @param entryId      OFAC's ent_num as a string, "cons:" before consolidated-list entries
 * @param type         individual, business (vessels and aircraft are not screened)
 * @param datesOfBirth listed dates of birth, "1962-11-23" or a span "1958-01-01/1962-12-31"
 */
public record EvidenceMatch(String entryId, String name, String matchedName, double score, double nameScore,
                            List<String> programs, String type, List<String> datesOfBirth, List<String> countries,
                            List<String> contributions) {

    static EvidenceMatch of(SanctionsMatch match) {
        SdnEntry e = match.entry();
        return new EvidenceMatch(e.entryId(), e.name(), match.matchedName(), match.score(), match.nameScore(),
                e.programs(), type(e.type()), e.birthDates().stream().map(EvidenceMatch::span).toList(),
                e.countries().stream().sorted().toList(), match.contributions());
    }

    static String type(SdnEntry.SdnType type) {
        return switch (type) {
            case INDIVIDUAL -> "individual";
            case ENTITY -> "business";
            case VESSEL -> "vessel";
            case AIRCRAFT -> "aircraft";
        };
    }

    private static String span(DateSpan span) {
        return span.first().equals(span.last()) ? span.first().toString() : span.first() + "/" + span.last();
    }

    /** The short form of a search result and an alert callback. */
    public record Brief(String entryId, String name, String matchedName, double score, List<String> programs, String type) {}

    Brief brief() {
        return new Brief(entryId, name, matchedName, score, programs, type);
    }
}
