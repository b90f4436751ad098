package dev.akepa.verification.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How alike a query name and a listed name are, from 0 to 1, ignoring word order.
 *
 * <p>Each query token is paired with at most one listed token and the reverse, best pairs first (greedy on
 * Jaro-Winkler similarity); pairs below {@link #PAIR_FLOOR} do not count, since unrelated words still share
 * letters. The score is the length-weighted similarity of the pairs, reduced for the share of each name left
 * unpaired (on either side), so a missing middle name costs a little and a name sharing one word of three a lot.
 *
 * <pre>
 * quality = Σ sim(q,c)·(|q|+|c|) / Σ (|q|+|c|)       over the chosen pairs
 * score   = quality × (1 − P·unpairedQueryShare) × (1 − P·unpairedListedShare)     P = {@value #MISSING_PENALTY}
 * </pre>
 * where a share is the unpaired letters over all letters of that name.
 */
final class NameScorer {
    static final double PAIR_FLOOR = 0.85;
    static final double MISSING_PENALTY = 0.2;
    private static final Comparator<NameIndex.TokenPair> BEST_FIRST =
            Comparator.comparingDouble(NameIndex.TokenPair::similarity).reversed();

    private NameScorer() {}

    static double score(String[] query, String[] listed, List<NameIndex.TokenPair> pairs) {
        List<NameIndex.TokenPair> ranked = new ArrayList<>(pairs);
        ranked.sort(BEST_FIRST);
        boolean[] queryPaired = new boolean[query.length];
        boolean[] listedPaired = new boolean[listed.length];
        double weighted = 0;
        double weight = 0;
        for (NameIndex.TokenPair pair : ranked) {
            if (queryPaired[pair.query()] || listedPaired[pair.name()]) continue;
            queryPaired[pair.query()] = true;
            listedPaired[pair.name()] = true;
            int letters = query[pair.query()].length() + listed[pair.name()].length();
            weighted += pair.similarity() * letters;
            weight += letters;
        }
        if (weight == 0) return 0;
        double quality = weighted / weight;
        return quality * (1 - MISSING_PENALTY * unpairedShare(query, queryPaired))
                * (1 - MISSING_PENALTY * unpairedShare(listed, listedPaired));
    }

    private static double unpairedShare(String[] tokens, boolean[] paired) {
        int all = 0;
        int unpaired = 0;
        for (int i = 0; i < tokens.length; i++) {
            all += tokens[i].length();
            if (!paired[i]) unpaired += tokens[i].length();
        }
        return all == 0 ? 0 : (double) unpaired / all;
    }
}
