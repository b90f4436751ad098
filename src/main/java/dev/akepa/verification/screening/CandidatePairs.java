package dev.akepa.verification.screening;

import dev.akepa.verification.screening.NameIndex.TokenPair;

import java.util.ArrayList;
import java.util.List;

/**
 * The similar token pairs one query shares with each listed name, gathered in flat arrays, with what the scorer's
 * bound needs per name: which listed and query positions have a pair, and the best pair's similarity.
 *
 * <p>Why flat: a query holding "abd", "al" and "muhammad" meets up to 11,500 pairs over 3,500 names, and a map of
 * boxed name ids to lists of pair records made such a search cost 1.7–2.7 ms of CPU (the benchmark's p99).
 * Names are found by open addressing on their id (postings come in id order, so neighbouring ids share cache lines);
 * pairs are kept in the order found, the order the scorer's stable sort breaks similarity ties by.
 */
final class CandidatePairs {
    /** Positions from here on do not fit the masks; such a name is never bounded, only scored. */
    static final int MASK_POSITIONS = Long.SIZE;

    private final int[] slots;
    private int count;
    private final int[] nameOf;
    private final int[] pairsOf;
    private final long[] listedSeen;
    private final long[] querySeen;
    private final double[] best;
    private final boolean[] unmasked;

    private int pairCount;
    private final int[] pairCandidate;
    private final int[] pairTokens;
    private final double[] pairSimilarity;

    /** Room for {@code pairs} pairs over at most {@code names} names. */
    CandidatePairs(int pairs, int names) {
        int distinct = Math.max(1, Math.min(pairs, names));
        slots = new int[Integer.highestOneBit(distinct) << 2];
        nameOf = new int[distinct];
        pairsOf = new int[distinct];
        listedSeen = new long[distinct];
        querySeen = new long[distinct];
        best = new double[distinct];
        unmasked = new boolean[distinct];
        pairCandidate = new int[pairs];
        pairTokens = new int[pairs];
        pairSimilarity = new double[pairs];
    }

    /** Query token {@code query} pairs token {@code position} of name {@code name}. */
    void add(int name, int query, int position, double similarity) {
        int c = indexOf(name);
        int pair = pairCount++;
        pairCandidate[pair] = c;
        pairsOf[c]++;
        pairTokens[pair] = query << NameIndex.POSITION_BITS | position;
        pairSimilarity[pair] = similarity;
        if (position < MASK_POSITIONS && query < MASK_POSITIONS) {
            listedSeen[c] |= 1L << position;
            querySeen[c] |= 1L << query;
        } else {
            unmasked[c] = true;
        }
        if (similarity > best[c]) best[c] = similarity;
    }

    private int indexOf(int name) {
        int mask = slots.length - 1;
        for (int slot = name & mask; ; slot = (slot + 1) & mask) {
            int held = slots[slot];
            if (held == 0) {
                slots[slot] = append(name) + 1;
                return count - 1;
            }
            if (nameOf[held - 1] == name) return held - 1;
        }
    }

    private int append(int name) {
        nameOf[count] = name;
        return count++;
    }

    /** Names with at least one pair, numbered 0..size−1 in the order first met. */
    int size() {
        return count;
    }

    int name(int c) {
        return nameOf[c];
    }

    /** Bit p set: listed token p has a pair. */
    long listedSeen(int c) {
        return listedSeen[c];
    }

    /** Bit q set: query token q has a pair. */
    long querySeen(int c) {
        return querySeen[c];
    }

    /** A pair fell outside the masks' positions, so the masks do not tell the whole story. */
    boolean unmasked(int c) {
        return unmasked[c];
    }

    double bestSimilarity(int c) {
        return best[c];
    }

    /**
     * The pairs of the names marked in {@code wanted} (indexed by name number), each name's in the order found: one
     * pass over all pairs, since only a few names are wanted.
     */
    List<List<TokenPair>> pairs(boolean[] wanted) {
        List<List<TokenPair>> byName = new ArrayList<>(java.util.Collections.nCopies(count, null));
        for (int p = 0; p < pairCount; p++) {
            int c = pairCandidate[p];
            if (!wanted[c]) continue;
            List<TokenPair> pairs = byName.get(c);
            if (pairs == null) byName.set(c, pairs = new ArrayList<>(pairsOf[c]));
            pairs.add(new TokenPair(pairTokens[p] >>> NameIndex.POSITION_BITS, pairTokens[p] & (NameIndex.MAX_TOKENS - 1),
                    pairSimilarity[p]));
        }
        return byName;
    }
}
