package dev.akepa.verification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a subject's own data for values that cannot be right: impossible dates, minors, never-issued tax
 * numbers, unknown country codes, malformed US postal codes, US states that do not exist or do not match the ZIP
 * code, invalid phone numbers and email addresses, and (for a business) its ownership structure. Pure: the only
 * inputs besides the subject are the clock and the shipped ZIP prefix table.
 */
final class DataChecks {
    static final int MINIMUM_AGE = 18;
    private static final int MAXIMUM_AGE = 120;
    private static final DateTimeFormatter ISO_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern US_POSTAL_CODE = Pattern.compile("^[0-9]{5}(-[0-9]{4})?$");
    private static final Pattern ALPHA3 = Pattern.compile("^[A-Z]{3}$");
    /** ISO 3166-1 alpha-3 codes, plus XKX (Kosovo, user-assigned but used on passports). */
    private static final Set<String> COUNTRY_CODES = Arrays.stream(Locale.getISOCountries())
            .map(alpha2 -> Locale.of("", alpha2).getISO3Country())
            .collect(Collectors.collectingAndThen(Collectors.toCollection(HashSet::new), codes -> {
                codes.add("XKX");
                return Set.copyOf(codes);
            }));

    private static final UsPostalGeography US_POSTAL = UsPostalGeography.load();
    private final Clock clock;

    DataChecks(Clock clock) {
        this.clock = clock;
    }

    List<DataProblem> check(Subject subject) {
        List<DataProblem> problems = new ArrayList<>();
        switch (subject) {
            case Subject.Person person -> person(person, problems);
            case Subject.Business business -> business(business, problems);
        }
        return problems;
    }

    /** The date if it is a real YYYY-MM-DD date; empty otherwise (including 2023-02-30). */
    static Optional<LocalDate> parseDate(String value) {
        if (value == null) return Optional.empty();
        try {
            return Optional.of(LocalDate.parse(value, ISO_DATE));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    static boolean isCountryCode(String code) {
        return code != null && ALPHA3.matcher(code).matches() && COUNTRY_CODES.contains(code);
    }

    private void person(Subject.Person person, List<DataProblem> problems) {
        if (isBlank(person.firstName())) problems.add(DataProblem.correctable("first name is missing"));
        if (isBlank(person.lastName())) problems.add(DataProblem.correctable("last name is missing"));
        birthDate(person.dateOfBirth(), problems);
        country("citizenship country code", person.citizenshipCountryCodeA3(), problems);
        addresses(person.addresses(), problems);
        ContactChecks.check(person.contact(), "email", "phone", problems);
        for (Subject.IdentityDocument document : nullToEmpty(person.identificationDocuments())) {
            String type = document.type() == null ? "" : document.type();
            switch (type) {
                case "SSN" -> {
                    if (TaxIdentifiers.isSpecimenSsn(document.value())) {
                        problems.add(DataProblem.fraudulent("SSN is a published specimen number that was never issued to a person"));
                    } else {
                        TaxIdentifiers.ssnProblem(document.value()).map(DataProblem::correctable).ifPresent(problems::add);
                    }
                }
                case "ITIN" -> TaxIdentifiers.itinProblem(document.value()).map(DataProblem::correctable).ifPresent(problems::add);
                default -> { }
            }
            country(type + " issuance country code", document.issuanceCountryCodeA3(), problems);
        }
    }

    private void business(Subject.Business business, List<DataProblem> problems) {
        if (isBlank(business.businessName())) problems.add(DataProblem.correctable("business name is missing"));
        if (business.incorporationDate() != null) {
            Optional<LocalDate> incorporated = parseDate(business.incorporationDate());
            if (incorporated.isEmpty()) {
                problems.add(DataProblem.correctable("incorporation date is not a valid date (YYYY-MM-DD)"));
            } else if (incorporated.get().isAfter(today())) {
                problems.add(DataProblem.correctable("incorporation date is in the future"));
            }
        }
        addresses(business.addresses(), problems);
        ContactChecks.check(business.contact(), "business email", "business phone", problems);
        OwnershipStructure.check(business, problems);
        for (Subject.IdentityDocument document : nullToEmpty(business.identificationDocuments())) {
            if ("FEIN".equals(document.type())) {
                TaxIdentifiers.einProblem(document.value()).map(DataProblem::correctable).ifPresent(problems::add);
            }
            country("FEIN issuance country code", document.issuanceCountryCodeA3(), problems);
        }
    }

    private void birthDate(String value, List<DataProblem> problems) {
        if (isBlank(value)) {
            problems.add(DataProblem.correctable("date of birth is missing"));
            return;
        }
        Optional<LocalDate> born = parseDate(value);
        if (born.isEmpty()) {
            problems.add(DataProblem.correctable("date of birth is not a valid date (YYYY-MM-DD)"));
            return;
        }
        LocalDate today = today();
        if (born.get().isAfter(today)) {
            problems.add(DataProblem.correctable("date of birth is in the future"));
            return;
        }
        int age = Period.between(born.get(), today).getYears();
        if (age < MINIMUM_AGE) problems.add(DataProblem.correctable("applicant is under " + MINIMUM_AGE));
        if (age > MAXIMUM_AGE) problems.add(DataProblem.correctable("date of birth is more than " + MAXIMUM_AGE + " years ago"));
    }

    private static void addresses(List<Subject.Address> addresses, List<DataProblem> problems) {
        List<Subject.Address> all = nullToEmpty(addresses);
        for (int i = 0; i < all.size(); i++) {
            Subject.Address address = all.get(i);
            String label = "address " + (i + 1) + (address.type() == null ? "" : " (" + address.type() + ")");
            country(label + " country code", address.countryCodeA3(), problems);
            if ("USA".equals(address.countryCodeA3())) usAddress(label, address, problems);
        }
    }

    /** Values are never repeated: a reason names the address by its position and type only. */
    private static void usAddress(String label, Subject.Address address, List<DataProblem> problems) {
        boolean zip = address.postalCode() != null && US_POSTAL_CODE.matcher(address.postalCode()).matches();
        if (!zip) problems.add(DataProblem.correctable(label + " postal code is not a US ZIP code (12345 or 12345-6789)"));
        boolean state = UsPostalGeography.isStateCode(address.stateCode());
        if (!state) problems.add(DataProblem.correctable(label + " state code is not a USPS state or territory code"));
        if (!zip) return;
        var zipStates = US_POSTAL.statesOf(address.postalCode());
        if (zipStates.isEmpty()) {
            problems.add(DataProblem.correctable(label + " ZIP code's first three digits are not assigned to any state"));
        } else if (state && !zipStates.contains(address.stateCode())) {
            problems.add(DataProblem.correctable(label + " ZIP code belongs to another state than the state code"));
        }
    }

    /** Absent is fine (the schema decides what is required); present must be a real alpha-3 code. */
    private static void country(String label, String code, List<DataProblem> problems) {
        if (code != null && !isCountryCode(code)) {
            problems.add(DataProblem.correctable(label + " '" + code + "' is not an ISO 3166-1 alpha-3 code"));
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
