package dev.akepa.verification;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TaxIdentifiersTest {

    /** The two-digit prefixes no IRS campus, the online service or the SBA assigns. */
    private static final Set<String> UNASSIGNED_EIN_PREFIXES =
            Set.of("00", "07", "08", "09", "17", "18", "19", "28", "29", "49", "69", "70", "78", "79", "89", "96", "97");

    @Test
    void everyEinPrefixIsJudgedByTheIrsList() {
        List<String> rejected = new ArrayList<>();
        for (int prefix = 0; prefix <= 99; prefix++) {
            String ein = String.format("%02d1234567", prefix);
            if (TaxIdentifiers.einProblem(ein).isPresent()) rejected.add(ein.substring(0, 2));
        }
        assertThat(rejected).containsExactlyInAnyOrderElementsOf(UNASSIGNED_EIN_PREFIXES);
    }

    @Test
    void einMustBeNineDigits() {
        assertThat(TaxIdentifiers.einProblem("12-3456789")).contains("FEIN must be 9 digits");
        assertThat(TaxIdentifiers.einProblem(null)).contains("FEIN must be 9 digits");
    }

    @Test
    void ssnAreaGroupAndSerialMustBeIssuable() {
        assertThat(TaxIdentifiers.ssnProblem("212345678")).isEmpty();
        assertThat(TaxIdentifiers.ssnProblem("899991234")).isEmpty();
        assertThat(TaxIdentifiers.ssnProblem("000123456")).get().asString().contains("area");
        assertThat(TaxIdentifiers.ssnProblem("666123456")).get().asString().contains("area");
        assertThat(TaxIdentifiers.ssnProblem("900123456")).get().asString().contains("area");
        assertThat(TaxIdentifiers.ssnProblem("999123456")).get().asString().contains("area");
        assertThat(TaxIdentifiers.ssnProblem("212001234")).get().asString().contains("group");
        assertThat(TaxIdentifiers.ssnProblem("212340000")).get().asString().contains("serial");
        assertThat(TaxIdentifiers.ssnProblem("21234567")).contains("SSN must be 9 digits");
    }

    @Test
    void problemsNeverRepeatTheNumber() {
        assertThat(TaxIdentifiers.ssnProblem("666123456").orElseThrow()).doesNotContain("666123456", "123456");
    }

    @Test
    void itinStartsWithNineAndHasAnIssuedMiddleGroup() {
        assertThat(TaxIdentifiers.itinProblem("912701234")).isEmpty();
        assertThat(TaxIdentifiers.itinProblem("912941234")).isEmpty();
        assertThat(TaxIdentifiers.itinProblem("912401234")).isPresent();
        assertThat(TaxIdentifiers.itinProblem("912931234")).isPresent();
        assertThat(TaxIdentifiers.itinProblem("812701234")).contains("ITIN must start with 9");
    }

    @Test
    void publishedSpecimenSsnsAreKnown() {
        assertThat(TaxIdentifiers.isSpecimenSsn("078051120")).isTrue();
        assertThat(TaxIdentifiers.isSpecimenSsn("219099999")).isTrue();
        assertThat(TaxIdentifiers.isSpecimenSsn("212345678")).isFalse();
    }
}
