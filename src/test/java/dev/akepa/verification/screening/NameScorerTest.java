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

    /** Scores through the index, as screening does. */
    private static double score(String query, String listed) {
        String[] listedTokens = listed.split(" ");
        NameIndex index = NameIndex.build(List.of(new IndexedName(0, listed, listedTokens)));
        String[] queryTokens = query.split(" ");
        var pairs = index.candidates(queryTokens).get(0);
        return pairs == null ? 0 : NameScorer.score(queryTokens, listedTokens, pairs);
    }
}
