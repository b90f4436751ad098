package dev.akepa.verification;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static dev.akepa.verification.Subjects.NEW_YORK;
import static dev.akepa.verification.Subjects.SSN;
import static dev.akepa.verification.Subjects.FEIN;
import static org.assertj.core.api.Assertions.assertThat;

class DataChecksTest {
    private static final Clock JUNE_15_2025 = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);
    private final DataChecks checks = new DataChecks(JUNE_15_2025);

    @Test
    void validPersonAndBusinessHaveNoProblems() {
        assertThat(checks.check(Subjects.person("Jane", "Doe"))).isEmpty();
        assertThat(checks.check(Subjects.business("Acme Widgets LLC", null))).isEmpty();
    }

    @Test
    void dateOfBirthMustBeARealPastDate() {
        assertThat(reasons(Subjects.person(null, NEW_YORK, SSN))).containsExactly("date of birth is missing");
        assertThat(reasons(Subjects.person("2001-02-29", NEW_YORK, SSN)))
                .containsExactly("date of birth is not a valid date (YYYY-MM-DD)");
        assertThat(reasons(Subjects.person("17/05/1980", NEW_YORK, SSN)))
                .containsExactly("date of birth is not a valid date (YYYY-MM-DD)");
        assertThat(reasons(Subjects.person("2025-06-16", NEW_YORK, SSN))).containsExactly("date of birth is in the future");
        assertThat(reasons(Subjects.person("1900-01-01", NEW_YORK, SSN)))
                .containsExactly("date of birth is more than 120 years ago");
    }

    @Test
    void applicantMustBeEighteenOnTheDay() {
        assertThat(reasons(Subjects.person("2007-06-15", NEW_YORK, SSN))).isEmpty();
        assertThat(reasons(Subjects.person("2007-06-16", NEW_YORK, SSN))).containsExactly("applicant is under 18");
    }

    @Test
    void neverIssuedSsnIsCorrectableButASpecimenIsFraudulent() {
        List<DataProblem> typo = checks.check(Subjects.person("1980-05-17", NEW_YORK, Subjects.ssn("666123456")));
        List<DataProblem> specimen = checks.check(Subjects.person("1980-05-17", NEW_YORK, Subjects.ssn("078051120")));

        assertThat(typo).singleElement().satisfies(p -> assertThat(p.fraudulent()).isFalse());
        assertThat(specimen).singleElement().satisfies(p -> assertThat(p.fraudulent()).isTrue());
    }

    @Test
    void itinIsCheckedWhenGiven() {
        Subject.IdentityDocument itin = new Subject.IdentityDocument("ITIN", "912401234", "USA");

        assertThat(reasons(Subjects.person("1980-05-17", NEW_YORK, itin))).containsExactly("ITIN digits 4-5 are not in an issued range");
    }

    @Test
    void countryCodesMustBeIsoAlpha3() {
        assertThat(reasons(Subjects.withCitizenship("usa")))
                .containsExactly("citizenship country code 'usa' is not an ISO 3166-1 alpha-3 code");
        assertThat(reasons(Subjects.withCitizenship("ZZZ")))
                .containsExactly("citizenship country code 'ZZZ' is not an ISO 3166-1 alpha-3 code");
        assertThat(reasons(Subjects.withCitizenship("XKX"))).isEmpty();
        assertThat(reasons(Subjects.person("1980-05-17", Subjects.address("MAILING", "SW1A 1AA", "GB"), SSN)))
                .containsExactly("address 1 (MAILING) country code 'GB' is not an ISO 3166-1 alpha-3 code");
    }

    @Test
    void usPostalCodesAreFiveDigitsOrZipPlusFour() {
        assertThat(reasons(Subjects.person("1980-05-17", Subjects.usAddress("10001-1234"), SSN))).isEmpty();
        assertThat(reasons(Subjects.person("1980-05-17", Subjects.usAddress("1001"), SSN)))
                .containsExactly("address 1 (PRIMARY) postal code is not a US ZIP code (12345 or 12345-6789)");
        assertThat(reasons(Subjects.person("1980-05-17", Subjects.usAddress("10001-123"), SSN))).hasSize(1);
        assertThat(reasons(Subjects.person("1980-05-17", Subjects.usAddress(null), SSN))).hasSize(1);
    }

    @Test
    void nonUsPostalCodesAreNotHeldToTheZipFormat() {
        assertThat(reasons(Subjects.person("1980-05-17", Subjects.address("PRIMARY", "SW1A 1AA", "GBR"), SSN))).isEmpty();
    }

    @Test
    void businessNeedsAnAssignedFeinPrefixAndAPastIncorporationDate() {
        assertThat(reasons(Subjects.business("2010-03-01", NEW_YORK, Subjects.fein("071234567"))))
                .containsExactly("FEIN prefix 07 is not assigned by the IRS");
        assertThat(reasons(Subjects.business("2025-06-16", NEW_YORK, FEIN))).containsExactly("incorporation date is in the future");
        assertThat(reasons(Subjects.business("2025-06-15", NEW_YORK, FEIN))).isEmpty();
        assertThat(reasons(Subjects.business("2010-13-01", NEW_YORK, FEIN)))
                .containsExactly("incorporation date is not a valid date (YYYY-MM-DD)");
        assertThat(reasons(Subjects.business(null, NEW_YORK, FEIN))).isEmpty();
    }

    @Test
    void businessAddressesAreCheckedLikePersonAddresses() {
        assertThat(reasons(Subjects.business("2010-03-01", Subjects.usAddress("ABCDE"), FEIN)))
                .containsExactly("address 1 (PRIMARY) postal code is not a US ZIP code (12345 or 12345-6789)");
    }

    private List<String> reasons(Subject subject) {
        return checks.check(subject).stream().map(DataProblem::reason).toList();
    }
}
