package dev.akepa.verification.screening;

import dev.akepa.verification.screening.NameIndex.IndexedName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NameScorerTest {

    @Test
    void wordOrderDoesNotMatter() {
        assertThat(score("ayman al zawahiri", "zawahiri ayman al")).isEqualTo(1.0);
    }

    @Test
    void aMissingWordCostsInProportionToItsShareOfTheName() {
        double oneOfThreeMissing = score("manuel noriega", "manuel antonio noriega");
        double twoOfThreeMissing = score("noriega", "manuel antonio noriega");

        assertThat(oneOfThreeMissing).isGreaterThan(0.92).isLessThan(1.0);
        assertThat(twoOfThreeMissing).isLessThan(0.92);
    }

    @Test
    void aMisspelledWordCostsLessThanAMissingOne() {
        assertThat(score("manuel antonio noriego", "manuel antonio noriega"))
                .isGreaterThan(score("manuel antonio", "manuel antonio noriega"));
    }

    @Test
    void unrelatedWordsLendNoSimilarity() {
        assertThat(score("john smith", "olga petrova")).isEqualTo(0.0);
    }

    @Test
    void eachWordPairsOnlyOnce() {
        // "ali ali" must not score as if both query words matched the single listed "ali".
        assertThat(score("ali ali", "ali")).isLessThan(1.0);
    }

    @Test
    void aNearSpellingWithOnlyCommonWordsDoesNotStandForALongerListedName() {
        // "richard"/"ricardo" is a near spelling (0.93) and "garcia" is common on the list (rarity 5.7)
        double score = partial("richard garcia", "ricardo garcia sanchez", 6.7, 5.7, 6.0);

        assertThat(score).isLessThan(SanctionsList.DEFAULT_THRESHOLD);
    }

    @Test
    void aNearSpellingBesideARareListedWordStillStandsForALongerListedName() {
        // "nikolas"/"nicolas" is a near spelling (0.92), but "maduro" is rare on the list (rarity 8.3)
        double score = partial("nikolas maduro", "nicolas maduro moros", 7.8, 8.3, 8.0);

        assertThat(score).isGreaterThanOrEqualTo(SanctionsList.DEFAULT_THRESHOLD);
    }

    @Test
    void aPartialNameWithoutTheFirstGivenNameNeedsCorroborationHoweverLittleIsMissing() {
        // "ROJAS, Juan Antonio": only "juan" (4 of 15 letters) is missing, which the unsupported penalty alone left at 0.925
        double score = partialWithFamilyFrom("antonio rojas", "juan antonio rojas", 2, 6.0, 6.5, 9.0);

        assertThat(score).isEqualTo(NameScorer.NEEDS_CORROBORATION).isLessThan(SanctionsList.DEFAULT_THRESHOLD);
    }

    @Test
    void aPartialNameWithoutTheFirstFamilyNameNeedsCorroboration() {
        // "TAPIA CASTRO, Alejandro": "Alejandro Castro" holds the second, maternal family name only
        double score = partialWithFamilyFrom("alejandro castro", "alejandro tapia castro", 1, 6.5, 9.0, 9.0);

        assertThat(score).isLessThanOrEqualTo(NameScorer.NEEDS_CORROBORATION);
    }

    /** A listed "LAST, First" name (given name first, family names from position 1) with the given rarities. */
    private static double partial(String query, String listed, double... rarity) {
        return partialWithFamilyFrom(query, listed, 1, rarity);
    }

    /** A listed "LAST, First" name whose family names start at {@code familyFrom}, with the given rarities. */
    private static double partialWithFamilyFrom(String query, String listed, int familyFrom, double... rarity) {
        String[] listedTokens = listed.split(" ");
        IndexedName name = new IndexedName(0, listed, listedTokens, familyFrom, false);
        String[] queryTokens = query.split(" ");
        var pairs = NameIndex.build(List.of(name)).candidates(queryTokens).get(0);
        return NameScorer.score(queryTokens, name, rarity, pairs);
    }

    /** Scores through the index, as screening does. */
    private static double score(String query, String listed) {
        String[] listedTokens = listed.split(" ");
        NameIndex index = NameIndex.build(List.of(new IndexedName(0, listed, listedTokens)));
        String[] queryTokens = query.split(" ");
        var pairs = index.candidates(queryTokens).get(0);
        return pairs == null ? 0 : NameScorer.score(queryTokens, listedTokens, pairs);
    }
}
