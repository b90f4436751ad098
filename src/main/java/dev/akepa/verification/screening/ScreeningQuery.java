package dev.akepa.verification.screening;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Who is screened: a person (against listed individuals) or a business (against listed entities), under one or
 * more names, with the optional facts that corroborate or weaken a name match.
 *
 * @param names       person: "given family" in any order; business: legal name and trading names
 * @param dateOfBirth persons only; null when unknown
 * @param countries   ISO 3166-1 alpha-3 codes linked to the subject (citizenship, addresses, documents)
 */
public record ScreeningQuery(Party party, List<String> names, LocalDate dateOfBirth, Set<String> countries) {

    public enum Party { PERSON, BUSINESS }

    public ScreeningQuery {
        names = names.stream().filter(n -> n != null && !n.isBlank()).toList();
        countries = Set.copyOf(countries);
        if (names.isEmpty()) throw new IllegalArgumentException("a screening needs at least one name");
        if (party == Party.BUSINESS && dateOfBirth != null) throw new IllegalArgumentException("a business has no date of birth");
    }

    public static ScreeningQuery person(String firstName, String lastName, LocalDate dateOfBirth, Set<String> countries) {
        String first = firstName == null ? "" : firstName;
        String last = lastName == null ? "" : lastName;
        return new ScreeningQuery(Party.PERSON, List.of((first + " " + last).strip()), dateOfBirth, countries);
    }

    public static ScreeningQuery business(List<String> names, Set<String> countries) {
        return new ScreeningQuery(Party.BUSINESS, names, null, countries);
    }
}
