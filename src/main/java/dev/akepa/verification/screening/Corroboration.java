package dev.akepa.verification.screening;

import dev.akepa.verification.screening.SanctionsMatch.Evidence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Adjusts a name score with the facts an SDN entry's remarks and addresses give. A date of birth is strong
 * evidence both ways; a country only supports (people live and hold papers in more than one country, so a
 * different country says little). Evidence never hides a name that reaches the threshold on its own: a listed
 * person giving another date of birth is still a match (issue 16: "Nicolas Maduro" with another date was missed),
 * only ranked lower; a name just under the threshold is lifted by a date of birth that agrees.
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

    static double adjust(double nameScore, Evidence birthDate, Evidence country, double threshold) {
        double score = unfloored(nameScore, birthDate, country);
        return nameScore >= threshold ? Math.max(score, threshold) : score;
    }

    private static double unfloored(double nameScore, Evidence birthDate, Evidence country) {
        double score = nameScore;
        if (birthDate == Evidence.MATCH) score += BIRTH_DATE_AGREES;
        if (birthDate == Evidence.MISMATCH) score += BIRTH_DATE_DIFFERS;
        if (country == Evidence.MATCH) score += COUNTRY_AGREES;
        return Math.max(0, Math.min(1, score));
    }

    /** The evidence's part of a score, in words, for the reviewer. */
    static List<String> explain(double nameScore, Evidence birthDate, Evidence country, double threshold) {
        List<String> parts = new ArrayList<>();
        parts.add("date of birth " + word(birthDate) + switch (birthDate) {
            case MATCH -> " (+0.05)";
            case MISMATCH -> " (-0.05)";
            case UNKNOWN -> "";
        });
        parts.add("country " + word(country) + (country == Evidence.MATCH ? " (+0.02)" : ""));
        if (nameScore >= threshold && unfloored(nameScore, birthDate, country) < threshold) {
            parts.add("kept at the threshold: evidence never hides a name that matches on its own");
        }
        return parts;
    }

    private static String word(Evidence evidence) {
        return switch (evidence) {
            case MATCH -> "matches";
            case MISMATCH -> "differs";
            case UNKNOWN -> "not compared";
        };
    }
}
