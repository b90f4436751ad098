package dev.akepa.verification.screening;

import dev.akepa.verification.screening.NameIndex.IndexedName;
import dev.akepa.verification.screening.NameIndex.TokenPair;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How alike a query name and a listed name are, from 0 to 1, ignoring word order.
 *
 * <p>Each query word is paired with at most one listed word and the reverse, best pairs first (greedy on
 * Jaro-Winkler); pairs below {@link #PAIR_FLOOR} do not count, since unrelated words still share letters. An
 * initial ("M.") pairs with a word it begins. Particles ("al", "bin", "de", "of") count for nothing when words are
 * missing. Then, with shares counted in letters:
 * <pre>
 * quality = Σ s(q,c)·(|q|+|c|) / Σ (|q|+|c|)                 over the pairs, s = sim − max(0, 0.93 − sim)
 * every listed word paired:   score = quality × (1 − {@value #EXTRA_PENALTY} × extra share of the query)
 * listed words missing:       score = quality × (1 − {@value #MISSING_PENALTY} × missing share) × (same)
 *                             when the pairs hold the first given name and the first family name (or, for a name
 *                             without that structure, two words), each pair is close (≥ 0.90), and they are rare
 *                             enough: Σ rarity ≥ {@value #MIN_RARITY}, and a pair that is not exact leans on a rare
 *                             word paired exactly (rarity ≥ {@value #MIN_ANCHOR_RARITY});
 *                             otherwise both shares cost {@value #UNSUPPORTED_PENALTY} each, and a person's
 *                             name without its first given or first family name scores at most
 *                             {@value #NEEDS_CORROBORATION} (a candidate only with a date of birth or country)
 * </pre>
 * So "Nicolas Maduro" against "MADURO MOROS, Nicolas" scores 0.97, "Cimex Trading" against "CIMEX" 0.94, and "John
 * Taylor" against "TAYLOR, Mark John" (first given name missing) stays below any useful threshold. Rarity is
 * ln(names / names holding the word) over the list's own names: "Muhammad" and "Ali" are common there, so two such
 * words are not enough to stand for a longer listed name.
 */
final class NameScorer {
    static final double PAIR_FLOOR = 0.85;
    static final double INITIAL_SIMILARITY = 0.9;
    static final double MISSING_PENALTY = 0.1;
    static final double EXTRA_PENALTY = 0.1;
    static final double UNSUPPORTED_PENALTY = 0.3;
    static final double MIN_RARITY = 11.5;
    /**
     * Below this a word pair is only a resemblance ("moore"/"moreno" 0.86), and costs twice its shortfall;
     * above it lie most one-letter typos of words of five letters or more.
     */
    static final double CLOSE_PAIR = 0.93;
    /**
     * Listed words may be missing only when every pair is this close ("nikolas"/"nicolas" 0.92). Raising it to 0.95
     * for all pairs lost transliterated partial names ("Aiman Zawahri", Cyrillic "Nikolas Maduro"); the rare-anchor
     * rule of {@link #NEAR_PAIR} removes the same false positives and keeps those.
     */
    static final double PARTIAL_PAIR_FLOOR = 0.90;
    /**
     * Listed words missing and a pair below this, that is any pair not exact ("richard"/"ricardo" 0.93,
     * "robert"/"roberto" 0.97, "maria"/"marisa" 0.97: a near spelling, often another common name): another listed
     * word, paired exactly, must be rare on the list (rarity ≥ {@value #MIN_ANCHOR_RARITY}: "maduro" 8.3,
     * "zawahiri" 8.7, not "garcia" 5.7 or "lopez"). Was 0.95; 1.0 chosen on the tuning split (methodology.md).
     */
    static final double NEAR_PAIR = 1.0;
    static final double MIN_ANCHOR_RARITY = 7.0;
    /**
     * A resemblance (below {@link #CLOSE_PAIR}) between words of at most this many letters with different letters
     * ("mary"/"mark" 0.88, "omar"/"oman" 0.88) is another name, not a typo, and pairs nothing; the same letters
     * swapped ("ivna"/"ivan") still pair. Chosen on the tuning split (methodology.md).
     */
    static final int SHORT_WORD = 4;
    /** A query holding a one-word listed name plus other words: that word must be this rare ("cimex" 6.6). */
    static final double MIN_CONTAINED_RARITY = 6.0;
    /**
     * The most a name scores when it alone is no basis for a hit: below the default threshold (0.92), within reach of
     * a date of birth (+0.05) or a country (+0.02) that agrees, and seen alone only by a search with a lower minScore.
     */
    static final double NEEDS_CORROBORATION = 0.90;
    /**
     * A weak alias matched word for word scores this; anything less than exact is no match at all. By ruling: OFAC
     * says a match to a weak AKA alone is not a basis for a hit. At 0.93 it flagged "Jorge Medina", "Raul Reyes" (set C)
     * and "John Hernandez" (set A), homonyms word for word.
     */
    static final double WEAK_ALIAS_SCORE = NEEDS_CORROBORATION;
    private static final Comparator<TokenPair> BEST_FIRST = Comparator.comparingDouble(TokenPair::similarity).reversed();

    private NameScorer() {}

    static double score(String[] query, IndexedName listed, double[] rarity, List<TokenPair> pairs) {
        return new Pairing(query, listed, rarity, pairs).score();
    }

    /**
     * The most {@link #score} can give a name, from what is known before pairing: the best similarity any of its
     * pairs (or an initial) could have, the share of listed and of query letters that no pair can reach, and the
     * rarity of the listed words that have a pair. Each branch of {@link Pairing#score()} is at most quality ×
     * its penalties, quality is at most the best pair's, and the shares only grow once the pairs are chosen; so a
     * name whose bound is under the floor cannot reach it, and is not scored (at the default threshold, nearly
     * all the 3,500 names a query with "al", "abd", "muhammad" meets).
     */
    static double upperBound(double bestSimilarity, double missingAtLeast, double extraAtLeast, double pairedRarityAtMost,
                             boolean weak) {
        if (weak) return missingAtLeast == 0 && extraAtLeast == 0 ? WEAK_ALIAS_SCORE : 0;
        double quality = bestSimilarity - Math.max(0, CLOSE_PAIR - bestSimilarity);
        if (missingAtLeast == 0) return quality * (1 - EXTRA_PENALTY * extraAtLeast);
        if (pairedRarityAtMost >= MIN_RARITY) return quality * (1 - MISSING_PENALTY * missingAtLeast) * (1 - EXTRA_PENALTY * extraAtLeast);
        return quality * (1 - UNSUPPORTED_PENALTY * missingAtLeast) * (1 - UNSUPPORTED_PENALTY * extraAtLeast);
    }

    /**
     * The most {@link #score} can give a name whose paired words can add no more than {@link #MIN_RARITY} of rarity
     * (none, or a single listed word's), so that a missing listed word always costs the unsupported penalty: met
     * only through {@linkplain #movesNoShare weak pairs} (then only particles and initials can pair), or only through
     * the pairs of one query word (which pairs one listed word). The query words that cannot pair make the extra
     * share ({@code extraAtLeast}); unless the query's initials may pair every other significant listed word
     * ({@code missingMayBeNone}) a listed word is missing. Quality is at most 1. A weak alias scores no more than
     * this (0.90 needs no missing and no extra share, where this gives 1).
     */
    static double upperBoundBelowPartialRarity(double extraAtLeast, boolean missingMayBeNone) {
        return missingMayBeNone ? 1 - EXTRA_PENALTY * extraAtLeast : 1 - UNSUPPORTED_PENALTY * extraAtLeast;
    }

    /**
     * A word pair that moves no share and no rarity of the score: both words particles ("al"/"al", only the quality
     * moves), or a pair the scorer never makes ({@link #neverPairs}: "ali"/"al"). A name met only through such
     * pairs is bounded by {@link #upperBoundBelowPartialRarity}.
     */
    static boolean movesNoShare(String query, String listed, double similarity) {
        return isParticle(query) && isParticle(listed) || neverPairs(query, listed, similarity);
    }

    /**
     * A resemblance between short words with different letters ("mary"/"mark" 0.88, "ali"/"al" 0.91) is another name,
     * not a typo: {@link #SHORT_WORD}. Such a pair is never made.
     */
    static boolean neverPairs(String query, String listed, double similarity) {
        return similarity < CLOSE_PAIR && Math.min(query.length(), listed.length()) <= SHORT_WORD && !sameLetters(query, listed);
    }

    private static boolean sameLetters(String a, String b) {
        char[] x = a.toCharArray();
        char[] y = b.toCharArray();
        java.util.Arrays.sort(x);
        java.util.Arrays.sort(y);
        return java.util.Arrays.equals(x, y);
    }

    /** What the score is made of, for the evidence a reviewer reads. */
    static List<String> explain(String[] query, IndexedName listed, double[] rarity, List<TokenPair> pairs) {
        return new Pairing(query, listed, rarity, pairs).explain();
    }

    /** Convenience for names without structure or rarity (tests). */
    static double score(String[] query, String[] listed, List<TokenPair> pairs) {
        double[] rarity = new double[listed.length];
        java.util.Arrays.fill(rarity, MIN_RARITY);
        return score(query, new IndexedName(0, String.join(" ", listed), listed), rarity, pairs);
    }

    private static final class Pairing {
        private final String[] query;
        private final String[] listed;
        private final boolean[] queryParticle;
        private final boolean[] listedParticle;
        private final IndexedName name;
        private final double[] rarity;
        private final int[] partnerOfQuery;
        private final double[] similarityOfQuery;
        private final boolean[] listedPaired;
        private final boolean[] listedByInitial;

        Pairing(String[] query, IndexedName name, double[] rarity, List<TokenPair> pairs) {
            this.query = query;
            this.listed = name.tokens();
            this.queryParticle = particles(query);
            this.listedParticle = name.particle();
            this.name = name;
            this.rarity = rarity;
            partnerOfQuery = new int[query.length];
            java.util.Arrays.fill(partnerOfQuery, -1);
            similarityOfQuery = new double[query.length];
            listedPaired = new boolean[listed.length];
            listedByInitial = new boolean[listed.length];
            List<TokenPair> ranked = new ArrayList<>(pairs);
            ranked.sort(BEST_FIRST);
            for (TokenPair pair : ranked) {
                if (partnerOfQuery[pair.query()] >= 0 || listedPaired[pair.name()]) continue;
                if (neverPairs(query[pair.query()], listed[pair.name()], pair.similarity())) continue;
                pair(pair.query(), pair.name(), pair.similarity(), false);
            }
            pairInitials();
        }

        private void pair(int q, int l, double similarity, boolean byInitial) {
            partnerOfQuery[q] = l;
            similarityOfQuery[q] = similarity;
            listedPaired[l] = true;
            listedByInitial[l] = byInitial;
        }

        /** "M." pairs with an unpaired word starting with M, on either side. */
        private void pairInitials() {
            for (int q = 0; q < query.length; q++) {
                if (partnerOfQuery[q] >= 0) continue;
                for (int l = 0; l < listed.length; l++) {
                    if (listedPaired[l] || listedParticle[l]) continue;
                    boolean initial = query[q].length() == 1 || listed[l].length() == 1;
                    if (initial && query[q].charAt(0) == listed[l].charAt(0)) {
                        pair(q, l, INITIAL_SIMILARITY, true);
                        break;
                    }
                }
            }
        }

        double quality() {
            double weighted = 0;
            double weight = 0;
            for (int q = 0; q < query.length; q++) {
                int l = partnerOfQuery[q];
                if (l < 0) continue;
                int letters = query[q].length() + listed[l].length();
                double similarity = similarityOfQuery[q];
                weighted += (similarity - Math.max(0, CLOSE_PAIR - similarity)) * letters;
                weight += letters;
            }
            return weight == 0 ? 0 : weighted / weight;
        }

        double score() {
            double quality = quality();
            if (quality == 0) return 0;
            double missing = unpairedShare(listed, listedParticle, listedPaired);
            double extra = unpairedShare(query, queryParticle, queryPaired());
            if (name.weak()) return missing == 0 && extra == 0 && quality == 1 ? WEAK_ALIAS_SCORE : 0;
            if (missing == 0) {
                if (extra > 0 && !containmentCounts()) return quality * (1 - UNSUPPORTED_PENALTY * extra);
                return quality * (1 - EXTRA_PENALTY * extra);
            }
            if (partialCounts()) return quality * (1 - MISSING_PENALTY * missing) * (1 - EXTRA_PENALTY * extra);
            double unsupported = quality * (1 - UNSUPPORTED_PENALTY * missing) * (1 - UNSUPPORTED_PENALTY * extra);
            return lacksCore() ? Math.min(unsupported, NEEDS_CORROBORATION) : unsupported;
        }

        /**
         * A person's name with its first given name or its first family name missing: another person more often than
         * this one ("Antonio Rojas" / "ROJAS, Juan Antonio", "Alejandro Castro" / "TAPIA CASTRO, Alejandro"), however
         * little is missing (those scored 0.925 with the penalty alone). Capped rather than penalised harder, so an
         * agreeing date of birth still makes it a candidate. Tuning split: set C 0.80 % -> 0.68 %, recall −0.01 point.
         */
        private boolean lacksCore() {
            return name.familyFrom() >= 0 && !holdsCore();
        }

        /** A query holding a listed name plus other words: the listed name must be more than one common word. */
        private boolean containmentCounts() {
            return significantWords(listedParticle) >= 2 || pairedRarity() >= MIN_CONTAINED_RARITY;
        }

        /** Listed words are missing: what was paired must be the name's core and rare enough to stand for it. */
        private boolean partialCounts() {
            if (pairedRarity() < MIN_RARITY) return false;
            for (int q = 0; q < query.length; q++) {
                if (partnerOfQuery[q] >= 0 && !listedByInitial[partnerOfQuery[q]] && similarityOfQuery[q] < PARTIAL_PAIR_FLOOR) return false;
            }
            if (hasNearPair() && anchorRarity() < MIN_ANCHOR_RARITY) return false;
            if (name.familyFrom() < 0) return pairedSignificantWords() >= 2;
            return holdsCore();
        }

        /**
         * The listed first given name and the first family name, both paired (not by an initial). The first family
         * name, not any: "RINCON CASTILLO, Pedro Nel" goes by "Pedro Rincon", and "Pedro Castillo" (the second,
         * maternal name) is another man more often than this one.
         */
        private boolean holdsCore() {
            boolean firstGiven = listedPaired[0] && !listedByInitial[0];
            for (int l = name.familyFrom(); l < listed.length; l++) {
                if (listedParticle[l]) continue;
                return firstGiven && listedPaired[l] && !listedByInitial[l];
            }
            return false;
        }

        /** A pair that is only a near spelling ("ricardo"/"richard" 0.93), not an initial. */
        private boolean hasNearPair() {
            for (int q = 0; q < query.length; q++) {
                if (partnerOfQuery[q] >= 0 && !listedByInitial[partnerOfQuery[q]] && similarityOfQuery[q] < NEAR_PAIR) return true;
            }
            return false;
        }

        /** The rarest listed word paired closely (at least {@link #NEAR_PAIR}): what a near spelling leans on. */
        private double anchorRarity() {
            double rarest = 0;
            for (int q = 0; q < query.length; q++) {
                int l = partnerOfQuery[q];
                if (l >= 0 && !listedByInitial[l] && !listedParticle[l] && similarityOfQuery[q] >= NEAR_PAIR) {
                    rarest = Math.max(rarest, rarity[l]);
                }
            }
            return rarest;
        }

        private double pairedRarity() {
            double sum = 0;
            for (int l = 0; l < listed.length; l++) {
                if (listedPaired[l] && !listedByInitial[l] && !listedParticle[l]) sum += rarity[l];
            }
            return sum;
        }

        private int pairedSignificantWords() {
            int count = 0;
            for (int l = 0; l < listed.length; l++) {
                if (listedPaired[l] && !listedByInitial[l] && !listedParticle[l]) count++;
            }
            return count;
        }

        private boolean[] queryPaired() {
            boolean[] paired = new boolean[query.length];
            for (int q = 0; q < query.length; q++) paired[q] = partnerOfQuery[q] >= 0;
            return paired;
        }

        /**
         * Listed words only: the list is public, the customer's words are personal data and stay in the
         * customer record.
         */
        List<String> explain() {
            List<String> parts = new ArrayList<>();
            for (int l = 0; l < listed.length; l++) {
                if (!listedPaired[l]) continue;
                int q = queryOf(l);
                parts.add(String.format(Locale.ROOT, "%s %.2f%s", listed[l], similarityOfQuery[q],
                        listedByInitial[l] ? " (initial)" : ""));
            }
            List<String> missing = new ArrayList<>();
            for (int l = 0; l < listed.length; l++) if (!listedPaired[l]) missing.add(listed[l]);
            int extra = 0;
            for (int q = 0; q < query.length; q++) if (partnerOfQuery[q] < 0) extra++;
            if (!missing.isEmpty()) parts.add("listed words not in the query: " + String.join(" ", missing));
            if (extra > 0) parts.add("query words not in the listed name: " + extra);
            if (name.weak()) parts.add("weak alias (matches only word for word; alone below the threshold)");
            if (!missing.isEmpty() && !name.weak() && !partialCounts() && lacksCore()) {
                parts.add("first given or first family name missing (alone below the threshold)");
            }
            parts.add(String.format(Locale.ROOT, "name score %.4f", score()));
            return parts;
        }

        private int queryOf(int l) {
            for (int q = 0; q < query.length; q++) if (partnerOfQuery[q] == l) return q;
            throw new IllegalStateException("listed word " + l + " is not paired");
        }
    }

    static boolean isParticle(String token) {
        return NameNormalizer.PARTICLES.contains(token);
    }

    /** Per token, whether it is a particle. */
    static boolean[] particles(String[] tokens) {
        boolean[] particle = new boolean[tokens.length];
        for (int i = 0; i < tokens.length; i++) particle[i] = isParticle(tokens[i]);
        return particle;
    }

    private static int significantWords(boolean[] particle) {
        int count = 0;
        for (boolean p : particle) if (!p) count++;
        return count;
    }

    /** Unpaired letters over all letters, particles left out of both (unless the name is only particles). */
    private static double unpairedShare(String[] tokens, boolean[] particle, boolean[] paired) {
        int all = 0;
        int unpaired = 0;
        boolean onlyParticles = significantWords(particle) == 0;
        for (int i = 0; i < tokens.length; i++) {
            if (!onlyParticles && particle[i]) continue;
            all += tokens[i].length();
            if (!paired[i]) unpaired += tokens[i].length();
        }
        return all == 0 ? 0 : (double) unpaired / all;
    }
}
