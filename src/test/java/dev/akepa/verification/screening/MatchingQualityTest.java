package dev.akepa.verification.screening;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The targets of docs/methodology.md on a tenth of the evaluation set (every tenth probe, so each variation is
 * present; MatchingEvaluation.main prints the full figures): recall ≥ 97.5 % here (98 % on the full set) on every
 * variation but the Cyrillic partial name, which is a known limit and held to 80 %, and the held-out ordinary names
 * (set B) flagged ≤ 0.5 %.
 */
class MatchingQualityTest {
    private final SanctionsList list = OfacSample.list();

    @Test
    void listedNamesAreFoundThroughTheirVariations() {
        List<MatchingEvaluation.Probe> all = MatchingEvaluation.variations(list);
        List<MatchingEvaluation.Probe> sample = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 10) sample.add(all.get(i));

        List<MatchingEvaluation.Outcome> outcomes = MatchingEvaluation.run(list, sample);
        var cyrillicPartial = outcomes.stream()
                .filter(o -> o.variation() == MatchingEvaluation.Variation.CYRILLIC_FIRST_GIVEN_FIRST_FAMILY).toList();
        var others = outcomes.stream()
                .filter(o -> o.variation() != MatchingEvaluation.Variation.CYRILLIC_FIRST_GIVEN_FIRST_FAMILY).toList();

        assertThat(MatchingEvaluation.recall(others, SanctionsList.DEFAULT_THRESHOLD)).isGreaterThanOrEqualTo(0.975);
        // a known limit (methodology.md): ICU's round trip through Cyrillic loses letters; 85 % on the full set
        assertThat(MatchingEvaluation.recall(cyrillicPartial, SanctionsList.DEFAULT_THRESHOLD)).isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void ordinaryNamesRarelyRaiseACandidate() {
        double[] best = MatchingEvaluation.bestScores(list,
                MatchingEvaluation.ordinaryPeople(list, MatchingEvaluation.GIVEN_B, MatchingEvaluation.FAMILY_B));

        assertThat(MatchingEvaluation.flaggedShare(best, SanctionsList.DEFAULT_THRESHOLD)).isLessThanOrEqualTo(0.005);
    }
}
