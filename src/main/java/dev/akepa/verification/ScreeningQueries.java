package dev.akepa.verification;

import dev.akepa.verification.screening.ScreeningQuery;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** What of a subject is screened: its names, date of birth and every well-formed country code it carries. */
public final class ScreeningQueries {
    private ScreeningQueries() {}

    /** Empty when the subject has no name at all (the data checks report that). */
    public static Optional<ScreeningQuery> of(Subject subject) {
        return switch (subject) {
            case Subject.Person p -> isBlank(p.firstName()) && isBlank(p.lastName()) ? Optional.empty()
                    : Optional.of(ScreeningQuery.person(p.firstName(), p.lastName(),
                            DataChecks.parseDate(p.dateOfBirth()).orElse(null), countries(p)));
            case Subject.Business b -> {
                List<String> names = Stream.of(b.businessName(), b.doingBusinessAs()).filter(n -> !isBlank(n)).toList();
                yield names.isEmpty() ? Optional.empty() : Optional.of(ScreeningQuery.business(names, countries(b)));
            }
        };
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Citizenship, addresses, document issuers. */
    private static Set<String> countries(Subject subject) {
        Set<String> codes = new LinkedHashSet<>();
        List<Subject.Address> addresses;
        List<Subject.IdentityDocument> documents;
        switch (subject) {
            case Subject.Person p -> {
                codes.add(p.citizenshipCountryCodeA3());
                addresses = p.addresses();
                documents = p.identificationDocuments();
            }
            case Subject.Business b -> {
                addresses = b.addresses();
                documents = b.identificationDocuments();
            }
        }
        if (addresses != null) addresses.forEach(a -> codes.add(a.countryCodeA3()));
        if (documents != null) documents.forEach(d -> codes.add(d.issuanceCountryCodeA3()));
        codes.removeIf(code -> !DataChecks.isCountryCode(code));
        return codes;
    }
}
