package dev.akepa.verification.screening;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class RemarksTest {

    @Test
    void readsEveryDateOfBirthFormTheListUses() {
        assertThat(Remarks.birthSpan("19 Jun 1951")).contains(span("1951-06-19", "1951-06-19"));
        assertThat(Remarks.birthSpan("Jun 1951")).contains(span("1951-06-01", "1951-06-30"));
        assertThat(Remarks.birthSpan("1951")).contains(span("1951-01-01", "1951-12-31"));
        assertThat(Remarks.birthSpan("circa 1951")).contains(span("1950-01-01", "1952-12-31"));
        assertThat(Remarks.birthSpan("circa 1979-1982")).contains(span("1978-01-01", "1983-12-31"));
        assertThat(Remarks.birthSpan("1958 to 1962")).contains(span("1958-01-01", "1962-12-31"));
        assertThat(Remarks.birthSpan("01 Jan 1958 to 31 Dec 1962")).contains(span("1958-01-01", "1962-12-31"));
    }

    @Test
    void impossibleOrUnknownDatesGiveNoEvidence() {
        assertThat(Remarks.birthSpan("31 Feb 1960")).isEmpty();
        assertThat(Remarks.birthSpan("sometime in the sixties")).isEmpty();
    }

    @Test
    void collectsBirthDatesAndCountriesFromStatements() {
        Remarks remarks = Remarks.parse("DOB 19 Jun 1951; alt. DOB 1952; POB Giza, Egypt; nationality Korea, North;"
                + " citizen Burma; Passport 1084010 (Egypt); Gender Male.");

        assertThat(remarks.birthDates()).containsExactly(span("1951-06-19", "1951-06-19"), span("1952-01-01", "1952-12-31"));
        assertThat(remarks.countries()).containsExactlyInAnyOrder("EGY", "PRK", "MMR");
    }

    @Test
    void countryNamesInOfacSpellingMapToAlpha3() {
        assertThat(CountryNames.alpha3("Cote d Ivoire")).contains("CIV");
        assertThat(CountryNames.alpha3("Congo, Democratic Republic of the")).contains("COD");
        assertThat(CountryNames.alpha3("Saint Kitts and Nevis")).contains("KNA");
        assertThat(CountryNames.alpha3("Turkey")).contains("TUR");
        assertThat(CountryNames.alpha3("undetermined")).isEmpty();
    }

    private static DateSpan span(String first, String last) {
        return new DateSpan(LocalDate.parse(first), LocalDate.parse(last));
    }
}
