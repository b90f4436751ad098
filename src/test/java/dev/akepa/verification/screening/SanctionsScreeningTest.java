package dev.akepa.verification.screening;

import dev.akepa.verification.screening.SanctionsMatch.Evidence;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
    void aTransliterationVariantOfAListedNameIsAMatch() {
        assertThat(person("Aiman", "Zawahri", null)).extracting(SanctionsMatch::entityNumber).contains(2676);
    }

    @Test
    void sharingOnlyTheGivenNameIsNotAMatch() {
        assertThat(person("Ayman", "Smith", null)).extracting(SanctionsMatch::entityNumber).doesNotContain(2676);
    }

    @Test
    void aNameInCyrillicIsFound() {
        assertThat(person("Николас", "Мадуро", null)).extracting(SanctionsMatch::entityNumber).contains(22790);
    }

    @Test
    void aBusinessNameHoldingAListedNameAndOtherWordsIsFound() {
        assertThat(business("Cimex Trading")).extracting(SanctionsMatch::entityNumber).contains(535);
    }

    @Test
    void aWeakAliasAloneIsBelowTheThresholdAndMatchesOnlyWordForWord() {
        // OFAC: a match to a weak AKA alone is not a basis for a hit; a lower threshold still shows it
        assertThat(business("BNC")).extracting(SanctionsMatch::entityNumber).doesNotContain(306);
        SanctionsMatch bnc = list.screen(ScreeningQuery.business(List.of("BNC"), Set.of()), 0.90).getFirst();

        assertThat(bnc.entityNumber()).isEqualTo(306);
        assertThat(bnc.matchedName()).isEqualTo("BNC");
        assertThat(bnc.score()).isEqualTo(NameScorer.WEAK_ALIAS_SCORE);
        assertThat(bnc.contributions()).anyMatch(c -> c.contains("weak alias"));
        assertThat(list.screen(ScreeningQuery.business(List.of("BNC Trading"), Set.of()), 0.80))
                .extracting(SanctionsMatch::entityNumber).doesNotContain(306);
    }

    @Test
    void aWeakAliasCorroboratedByACountryIsAMatch() {
        // 306, BANCO NACIONAL DE CUBA, has addresses in Spain among others: 0.90 + 0.02 reaches the threshold
        SanctionsMatch bnc = list.screen(ScreeningQuery.business(List.of("BNC"), Set.of("ESP")), THRESHOLD).getFirst();

        assertThat(bnc.entityNumber()).isEqualTo(306);
        assertThat(bnc.country()).isEqualTo(Evidence.MATCH);
        assertThat(bnc.score()).isGreaterThanOrEqualTo(THRESHOLD);
    }

    @Test
    void aPartialNameWithoutTheFirstFamilyNameIsACandidateOnlyWithAnAgreeingDateOfBirth() {
        // 20113 has the alias "TAPIA CASTRO, Alejandro" and DOB 12 Oct 1980: "Alejandro Castro" holds the second family name only
        assertThat(person("Alejandro", "Castro", null)).extracting(SanctionsMatch::entityNumber).doesNotContain(20113);
        SanctionsMatch match = person("Alejandro", "Castro", LocalDate.of(1980, 10, 12)).stream()
                .filter(m -> m.entityNumber() == 20113).findFirst().orElseThrow();

        assertThat(match.nameScore()).isEqualTo(NameScorer.NEEDS_CORROBORATION);
        assertThat(match.birthDate()).isEqualTo(Evidence.MATCH);
        assertThat(match.contributions()).anyMatch(c -> c.contains("first given or first family name missing"));
    }

    @Test
    void middleNamesAsInitialsAreFound() {
        assertThat(person("Nicolas M.", "Maduro", null)).extracting(SanctionsMatch::entityNumber).contains(22790);
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
    void aMatchingDateOfBirthRaisesTheScoreAndADifferentOneLowersItButNeverHidesTheName() {
        double nameOnly = person("Nicolas", "Maduro", null).getFirst().score();
        SanctionsMatch sameBirthDate = person("Nicolas", "Maduro", LocalDate.of(1962, 11, 23)).getFirst();
        SanctionsMatch otherBirthDate = person("Nicolas", "Maduro", LocalDate.of(1990, 1, 1)).stream()
                .filter(m -> m.entityNumber() == 22790).findFirst().orElseThrow();

        assertThat(sameBirthDate.entityNumber()).isEqualTo(22790);
        assertThat(sameBirthDate.birthDate()).isEqualTo(Evidence.MATCH);
        assertThat(sameBirthDate.score()).isGreaterThan(nameOnly);
        assertThat(otherBirthDate.birthDate()).isEqualTo(Evidence.MISMATCH);
        assertThat(otherBirthDate.score()).isLessThan(nameOnly).isGreaterThanOrEqualTo(THRESHOLD);
    }

    @Test
    void evidenceLiftsANameJustUnderTheThresholdAndNeverPushesAStrongOneBelowIt() {
        assertThat(Corroboration.adjust(0.89, Evidence.MATCH, Evidence.UNKNOWN, THRESHOLD)).isCloseTo(0.94, within(1e-9));
        assertThat(Corroboration.adjust(0.95, Evidence.MISMATCH, Evidence.UNKNOWN, THRESHOLD)).isEqualTo(THRESHOLD);
        assertThat(Corroboration.adjust(0.99, Evidence.MISMATCH, Evidence.UNKNOWN, THRESHOLD)).isCloseTo(0.94, within(1e-9));
        assertThat(Corroboration.adjust(0.90, Evidence.MISMATCH, Evidence.MATCH, THRESHOLD)).isCloseTo(0.87, within(1e-9));
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
        assertThat(list.screen(query, 0.60).size()).isGreaterThan(list.screen(query, THRESHOLD).size());
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
