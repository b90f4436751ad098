package dev.akepa.verification.screening;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The targets of docs/methodology.md, no date of birth in the query, at the review threshold: recall ≥ 98 % on a tenth
 * of the evaluation set (every tenth probe, so each variation is present; 98.05 % here, 98.08 % on the held-out split,
 * which MatchingEvaluation.main prints) on every variation but the Cyrillic partial name, a known limit held to 80 %
 * (84.4 % here); ordinary names flagged ≤ 0.5 % for set A (0.20 %), set B (0.08 %) and businesses (0.20 %). An
 * ordinary name that the recall set asks to find is not counted as ordinary (methodology.md, "What counts as a
 * non-listed name"); the sizes below fail the test if that rule ever leaves out more names than it does today.
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

        assertThat(MatchingEvaluation.recall(others, SanctionsList.DEFAULT_THRESHOLD)).isGreaterThanOrEqualTo(0.98);
        // a known limit (methodology.md): ICU's round trip through Cyrillic loses letters; 85 % on the full set
        assertThat(MatchingEvaluation.recall(cyrillicPartial, SanctionsList.DEFAULT_THRESHOLD)).isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void ordinaryNamesRarelyRaiseACandidate() {
        var setA = MatchingEvaluation.ordinaryPeople(list, MatchingEvaluation.GIVEN_A, MatchingEvaluation.FAMILY_A);
        var setB = MatchingEvaluation.ordinaryPeople(list, MatchingEvaluation.GIVEN_B, MatchingEvaluation.FAMILY_B);
        var businesses = MatchingEvaluation.ordinaryBusinesses(list);

        // 2,500 pairs each; set A loses 10 listed names and 28 names the recall set asks to find
        assertThat(setA).hasSize(2_462);
        assertThat(setB).hasSize(2_500);
        assertThat(businesses).hasSize(499);
        assertThat(MatchingEvaluation.flaggedShare(MatchingEvaluation.bestScores(list, setA), SanctionsList.DEFAULT_THRESHOLD))
                .isLessThanOrEqualTo(0.005);
        assertThat(MatchingEvaluation.flaggedShare(MatchingEvaluation.bestScores(list, setB), SanctionsList.DEFAULT_THRESHOLD))
                .isLessThanOrEqualTo(0.005);
        assertThat(MatchingEvaluation.flaggedShare(MatchingEvaluation.bestScores(list, businesses), SanctionsList.DEFAULT_THRESHOLD))
                .isLessThanOrEqualTo(0.005);
    }
}
