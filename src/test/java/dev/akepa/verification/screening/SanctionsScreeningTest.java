package dev.akepa.verification.screening;

import dev.akepa.verification.screening.SanctionsMatch.Evidence;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Screening against the real shared OFAC sample at the default threshold. */
class SanctionsScreeningTest {
    private static final double THRESHOLD = SanctionsList.DEFAULT_THRESHOLD;
    private final SanctionsList list = OfacSample.list();

    @Test
    void aListedIndividualWrittenNaturallyIsFound() {
        List<SanctionsMatch> matches = person("Ayman", "al-Zawahiri", null);

        assertThat(matches.getFirst().entityNumber()).isEqualTo(2676);
        assertThat(matches.getFirst().matchedName()).isEqualTo("AL ZAWAHIRI, Dr. Ayman");
        assertThat(matches.getFirst().score()).isEqualTo(1.0);
        assertThat(matches.getFirst().entry().programList()).isEqualTo("SDGT");
    }

    @Test
    void aListedIndividualWithFamilyNameFirstIsFound() {
        assertThat(person("Zawahiri", "Ayman Al", null)).extracting(SanctionsMatch::entityNumber).contains(2676);
    }

    @Test
    void aListedIndividualWithoutTheSecondFamilyNameIsFound() {
        List<SanctionsMatch> matches = person("Nicolas", "Maduro", null);

        assertThat(matches.getFirst().entityNumber()).isEqualTo(22790);
        assertThat(matches.getFirst().score()).isGreaterThanOrEqualTo(THRESHOLD).isLessThan(1.0);
    }

    @Test
    void aListedIndividualIsFoundUnderAnAlias() {
        // 6365 is listed as "BIN LADIN, Usama bin Muhammad bin Awad", with "BIN LADEN, Osama" among its aliases.
        List<SanctionsMatch> matches = person("Osama", "Bin Laden", null);

        assertThat(matches.getFirst().entityNumber()).isEqualTo(6365);
        assertThat(matches.getFirst().matchedName()).isEqualTo("BIN LADEN, Osama");
        assertThat(matches.getFirst().entry().name()).isEqualTo("BIN LADIN, Usama bin Muhammad bin Awad");
    }

    @Test
    void sharingOnlyAFamilyNameWithAListedPersonIsNotAMatch() {
        // "BIN LADEN, Sad" (11378) and "BIN LADEN, Hamza" (21286) are relatives, not the same person.
        assertThat(person("Osama", "Bin Laden", null)).extracting(SanctionsMatch::entityNumber)
                .doesNotContain(11378, 21286);
    }

    @Test
    void aNearMissOfAListedNameIsNotAMatch() {
        // One letter and one word away from "AL ZAWAHIRI, Dr. Ayman" (about 0.90): close, but below the threshold.
        assertThat(person("Aiman", "Zawahri", null)).isEmpty();
    }

    @Test
    void anOrdinaryNameIsNotAMatch() {
        assertThat(person("John", "Smith", null)).isEmpty();
        assertThat(person("Jennifer", "Wilson", LocalDate.of(1985, 4, 12))).isEmpty();
    }

    @Test
    void aListedEntityIsFoundWithAndWithoutItsLegalForm() {
        assertThat(business("Banco Nacional de Cuba").getFirst().entityNumber()).isEqualTo(306);
        assertThat(business("Anglo Caribbean Company Limited").getFirst().entityNumber()).isEqualTo(173);
    }

    @Test
    void aListedEntityIsFoundUnderAnAlias() {
        SanctionsMatch match = business("National Bank of Cuba, S.A.").getFirst();

        assertThat(match.entityNumber()).isEqualTo(306);
        assertThat(match.matchedName()).isEqualTo("NATIONAL BANK OF CUBA");
        assertThat(match.score()).isEqualTo(1.0);
    }

    @Test
    void anOrdinaryBusinessIsNotAMatch() {
        assertThat(business("Acme Widgets LLC")).isEmpty();
        assertThat(business("Blue Ridge Hardware Inc")).isEmpty();
    }

    @Test
    void aBusinessIsNotScreenedAgainstIndividualsNorAPersonAgainstEntities() {
        assertThat(business("Nicolas Maduro Moros")).extracting(SanctionsMatch::entityNumber).doesNotContain(22790);
        assertThat(person("Banco Nacional", "De Cuba", null)).extracting(SanctionsMatch::entityNumber).doesNotContain(306);
    }

    @Test
    void aMatchingDateOfBirthRaisesTheScoreAndADifferentOneLowersIt() {
        double nameOnly = person("Nicolas", "Maduro", null).getFirst().score();
        SanctionsMatch sameBirthDate = person("Nicolas", "Maduro", LocalDate.of(1962, 11, 23)).getFirst();

        assertThat(sameBirthDate.entityNumber()).isEqualTo(22790);
        assertThat(sameBirthDate.birthDate()).isEqualTo(Evidence.MATCH);
        assertThat(sameBirthDate.score()).isGreaterThan(nameOnly);
        assertThat(person("Nicolas", "Maduro", LocalDate.of(1990, 1, 1))).extracting(SanctionsMatch::entityNumber)
                .doesNotContain(22790);
    }

    @Test
    void anExactNameStaysAMatchDespiteADifferentDateOfBirth() {
        SanctionsMatch match = person("Ayman", "al-Zawahiri", LocalDate.of(1990, 1, 1)).getFirst();

        assertThat(match.entityNumber()).isEqualTo(2676);
        assertThat(match.birthDate()).isEqualTo(Evidence.MISMATCH);
        assertThat(match.score()).isGreaterThanOrEqualTo(THRESHOLD);
    }

    @Test
    void aSharedCountryIsReportedAsCorroboration() {
        SanctionsMatch match = list.screen(ScreeningQuery.person("Nicolas", "Maduro", null, Set.of("VEN")), THRESHOLD).getFirst();

        assertThat(match.country()).isEqualTo(Evidence.MATCH);
        assertThat(match.score()).isGreaterThan(match.nameScore());
    }

    @Test
    void theThresholdDecidesWhatCountsAsAMatch() {
        ScreeningQuery query = ScreeningQuery.person("Nicolas", "Maduro", null, Set.of());

        assertThat(list.screen(query, 0.99)).isEmpty();
        assertThat(list.screen(query, 0.85).size()).isGreaterThan(list.screen(query, THRESHOLD).size());
        assertThatThrownBy(() -> list.screen(query, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> list.screen(query, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matchesComeBestFirst() {
        List<SanctionsMatch> matches = list.screen(ScreeningQuery.person("Muammar", "Gaddafi", null, Set.of()), 0.8);

        assertThat(matches).hasSizeGreaterThan(1);
        assertThat(matches).extracting(SanctionsMatch::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(matches.getFirst().entityNumber()).isEqualTo(12606);
    }

    private List<SanctionsMatch> person(String first, String last, LocalDate dob) {
        return list.screen(ScreeningQuery.person(first, last, dob, Set.of()), THRESHOLD);
    }

    private List<SanctionsMatch> business(String name) {
        return list.screen(ScreeningQuery.business(List.of(name), Set.of()), THRESHOLD);
    }
}
