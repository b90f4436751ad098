package dev.akepa.verification.screening;

import dev.akepa.verification.screening.SanctionsMatch.Evidence;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Set;

/**
 * Adjusts a name score with the facts an SDN entry's remarks and addresses give. A date of birth is strong
 * evidence both ways; a country only supports (people live and hold papers in more than one country, so a
 * different country says little). An exact name match survives a different date of birth (1.0 − 0.05 ≥ 0.92):
 * a false date must not be enough to pass screening.
 */
final class Corroboration {
    static final double BIRTH_DATE_AGREES = 0.05;
    static final double BIRTH_DATE_DIFFERS = -0.05;
    static final double COUNTRY_AGREES = 0.02;
    /** The most evidence can add: a name must score at least threshold minus this to be worth checking. */
    static final double MAX_BOOST = BIRTH_DATE_AGREES + COUNTRY_AGREES;

    private Corroboration() {}

    static Evidence birthDate(SdnEntry entry, LocalDate dateOfBirth) {
        if (dateOfBirth == null || entry.birthDates().isEmpty()) return Evidence.UNKNOWN;
        return entry.birthDates().stream().anyMatch(span -> span.contains(dateOfBirth)) ? Evidence.MATCH : Evidence.MISMATCH;
    }

    static Evidence country(SdnEntry entry, Set<String> countries) {
        if (countries.isEmpty() || entry.countries().isEmpty()) return Evidence.UNKNOWN;
        return Collections.disjoint(entry.countries(), countries) ? Evidence.MISMATCH : Evidence.MATCH;
    }

    static double adjust(double nameScore, Evidence birthDate, Evidence country) {
        double score = nameScore;
        if (birthDate == Evidence.MATCH) score += BIRTH_DATE_AGREES;
        if (birthDate == Evidence.MISMATCH) score += BIRTH_DATE_DIFFERS;
        if (country == Evidence.MATCH) score += COUNTRY_AGREES;
        return Math.max(0, Math.min(1, score));
    }
}
