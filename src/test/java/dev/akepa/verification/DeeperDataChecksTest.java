package dev.akepa.verification;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static dev.akepa.verification.Subjects.FEIN;
import static dev.akepa.verification.Subjects.NEW_YORK;
import static dev.akepa.verification.Subjects.SSN;
import static org.assertj.core.api.Assertions.assertThat;

/** Phones, emails, US states against ZIP prefixes, and the KYB ownership structure, without a server. */
class DeeperDataChecksTest {
    private static final Clock JUNE_15_2025 = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);
    private final DataChecks checks = new DataChecks(JUNE_15_2025);

    private List<String> reasons(Subject subject) {
        return checks.check(subject).stream().map(DataProblem::reason).toList();
    }

    private static Subject.Person withContact(String email, String code, String number) {
        return new Subject.Person("cstap_1", true, "Jane", "Doe", "1980-05-17", "USA", List.of(NEW_YORK), List.of(SSN),
                new Subject.Contact(email, List.of(new Subject.Phone("MOBILE", code, number))));
    }

    private static Subject.Person livingAt(Subject.Address address) {
        return new Subject.Person("cstap_1", true, "Jane", "Doe", "1980-05-17", "USA", List.of(address), List.of(SSN),
                Subject.Contact.NONE);
    }

    private static Subject.Business structured(String type, List<Subject.Representative> reps, List<List<String>> sameSsn) {
        return new Subject.Business("cstab_1", "Acme Widgets LLC", null, type, "2010-03-01", List.of(NEW_YORK),
                List.of(FEIN), Subject.Contact.NONE, reps, sameSsn);
    }

    private static Subject.Representative rep(String id, double share, boolean controller) {
        return new Subject.Representative(id, BigDecimal.valueOf(share).stripTrailingZeros(), controller);
    }

    @Test
    void phoneNumbersMustBeValidForTheirCountryCallingCode() {
        assertThat(reasons(withContact("jane@example.com", "1", "2125550199"))).isEmpty();
        assertThat(reasons(withContact("jane@example.com", "+44", "2079460000"))).isEmpty();
        assertThat(reasons(withContact("jane@example.com", "1", "0000000000")))
                .containsExactly("phone 1 (MOBILE) is not a valid number for country calling code +1");
        assertThat(reasons(withContact("jane@example.com", "1", "5551234567")))
                .containsExactly("phone 1 (MOBILE) is not a valid number for country calling code +1");
        assertThat(reasons(withContact("jane@example.com", "+44", "2125550199")))
                .containsExactly("phone 1 (MOBILE) is not a valid number for country calling code +44");
    }

    @Test
    void emailAddressesFollowRfc5321And5322() {
        assertThat(reasons(withContact("jane.doe+kyc@example.co.uk", "1", "2125550199"))).isEmpty();
        assertThat(reasons(withContact("\"jane doe\"@example.com", "1", "2125550199"))).isEmpty();
        for (String bad : List.of("jane..doe@example.com", "jane@example", "jane@-example.com", "jane@example.invalidtld",
                "a".repeat(65) + "@example.com", ".jane@example.com")) {
            assertThat(reasons(withContact(bad, "1", "2125550199"))).as(bad)
                    .containsExactly("email is not a valid email address (RFC 5321/5322)");
        }
    }

    @Test
    void aUsStateCodeMustExistAndMatchTheZipPrefix() {
        assertThat(reasons(livingAt(new Subject.Address("PRIMARY", "1 Main St", null, "Newark", "NJ", "07102", "USA")))).isEmpty();
        assertThat(reasons(livingAt(new Subject.Address("PRIMARY", "1 Calle", null, "San Juan", "PR", "00901", "USA")))).isEmpty();
        assertThat(reasons(livingAt(new Subject.Address("PRIMARY", "1 Main St", null, "Anchorage", "AK", "99501-1234", "USA")))).isEmpty();
        assertThat(reasons(livingAt(new Subject.Address("PRIMARY", "1 Main St", null, "New York", "NJ", "10001", "USA"))))
                .containsExactly("address 1 (PRIMARY) ZIP code belongs to another state than the state code");
        assertThat(reasons(livingAt(new Subject.Address("PRIMARY", "1 Main St", null, "New York", "New York", "10001", "USA"))))
                .containsExactly("address 1 (PRIMARY) state code is not a USPS state or territory code");
        assertThat(reasons(livingAt(new Subject.Address("PRIMARY", "1 Main St", null, "Nowhere", "NY", "00012", "USA"))))
                .containsExactly("address 1 (PRIMARY) ZIP code's first three digits are not assigned to any state");
        // Outside the US neither the state nor the postal code is looked at.
        assertThat(reasons(livingAt(new Subject.Address("PRIMARY", "1 High St", null, "Leeds", "West Yorkshire", "LS1 1AA", "GBR")))).isEmpty();
    }

    @Test
    void theShippedZipPrefixTableIsWhatItsGeneratorWrites() throws Exception {
        List<String> shipped = Files.readAllLines(ZipPrefixTableGenerator.OUTPUT, StandardCharsets.UTF_8);
        assertThat(shipped).isEqualTo(ZipPrefixTableGenerator.lines());
        assertThat(UsPostalGeography.load().statesOf("96799")).containsExactlyInAnyOrder("AS", "HI");
    }

    @Test
    void aBusinessNamesAControlPerson() {
        assertThat(reasons(structured("LLC", List.of(rep("a", 60, false), rep("b", 40, true)), List.of()))).isEmpty();
        assertThat(reasons(structured("LLC", List.of(rep("a", 60, false), rep("b", 40, false)), List.of())))
                .containsExactly("no control person: no representative has isController true");
        assertThat(reasons(structured("NON_PROFIT", List.of(rep("a", 0, false)), List.of())))
                .containsExactly("no control person: no representative has isController true");
        // A sole proprietorship is not a legal entity customer under the rule: its proprietor is all there is.
        assertThat(reasons(structured("SOLE_PROPRIETORSHIP", List.of(rep("a", 100, false)), List.of()))).isEmpty();
    }

    @Test
    void ownershipAddsUpToAtMostAHundredPercent() {
        assertThat(reasons(structured("LLC", List.of(rep("a", 33.33, true), rep("b", 33.33, false), rep("c", 33.34, false)), List.of()))).isEmpty();
        assertThat(reasons(structured("LLC", List.of(rep("a", 60, false), rep("b", 70, false)), List.of())))
                .containsExactly("no control person: no representative has isController true",
                        "ownership adds up to 130 %, more than 100 %");
        assertThat(reasons(structured("CORPORATION", List.of(rep("a", 50.5, true), rep("b", 50, false)), List.of())))
                .containsExactly("ownership adds up to 100.5 %, more than 100 %");
        // A 10 % owner who controls is a complete answer: nobody else need own 25 % or more.
        assertThat(reasons(structured("LLC", List.of(rep("a", 10, true)), List.of()))).isEmpty();
    }

    @Test
    void twoRepresentativesWithOneSsnAndABusinessWithoutRepresentativesAreDataRequests() {
        assertThat(reasons(structured("LLC", List.of(rep("a", 50, true), rep("b", 50, false)), List.of(List.of("a", "b")))))
                .containsExactly("representatives a, b give the same SSN");
        assertThat(reasons(structured("LLC", List.of(), List.of())))
                .containsExactly("no representatives: a business names the people who own and control it");
    }
}
