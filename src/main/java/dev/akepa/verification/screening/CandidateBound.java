package dev.akepa.verification.screening;

import dev.akepa.verification.screening.NameIndex.IndexedName;

import java.util.Arrays;
import java.util.List;

/**
 * Whether a listed name sharing similar words with a query may score at least a floor, from which of its words and
 * which query words have a pair: {@link NameScorer#upperBound} of what no pair and no initial can reach. A name
 * that cannot is left unscored, which is what keeps a query of common words ("abd al rahman muhammad", 3,500 names
 * sharing a word) to a few dozen scorings; its score would have been under the floor, so no result changes.
 *
 * <p>Bit p of a position mask stands for token p; bit {@code c & 63} of a letter mask for the letter c (letters
 * sharing a bit only loosen the bound). Names or queries of more than {@link CandidatePairs#MASK_POSITIONS} tokens
 * are never bounded. Each name's masks are packed side by side in one array, its tokens' lengths and first letters
 * in another: the bound runs once per name met, and reading records and strings per name was most of its cost.
 */
final class CandidateBound {
    /** Rounding slack of the bound against the score it bounds (both a few sums and products of doubles). */
    private static final double SLACK = 1e-9;
    private static final int STRIDE = 5;
    private static final int COUNTED = 0, SIGNIFICANT = 1, FIRSTS = 2, INITIAL_LETTERS = 3, LETTERS_AND_FLAGS = 4;
    private static final long FITS = 1L << 32, WEAK = 1L << 33;
    private static final int LETTER_BITS = 6;

    /** {@link #significantWords} of a name that a weak pair may lead to whatever the query: see there. */
    private static final int ALWAYS_REACHED = -1;

    private final long[] masks;
    /**
     * Per name, how many significant words (not particles) it has, all of two letters or more; or
     * {@link #ALWAYS_REACHED} when one of them is a single letter (a query word may pair it as an initial) or it has
     * none (then its particles are its shares): such names are never left out for being met through weak pairs only.
     */
    private final int[] significantWords;
    /**
     * No listed word is rare enough alone for a partial match ({@link NameScorer#MIN_RARITY}): ln(names), the rarest
     * possible, is 9.4 for the 12,457 listed persons. So a name met through one query word's pairs misses its other
     * words at the unsupported penalty, which bounds it without its pairs.
     */
    private final boolean oneWordBelowPartialRarity;
    private final int[] tokenStart;
    private final int[] tokenShapes;
    private final double[] rarity;

    CandidateBound(List<IndexedName> names, double[][] rarityOfNames) {
        masks = new long[names.size() * STRIDE];
        tokenStart = new int[names.size() + 1];
        for (int id = 0; id < names.size(); id++) tokenStart[id + 1] = tokenStart[id] + names.get(id).tokens().length;
        tokenShapes = new int[tokenStart[names.size()]];
        rarity = new double[tokenShapes.length];
        significantWords = new int[names.size()];
        for (int id = 0; id < names.size(); id++) {
            IndexedName name = names.get(id);
            significantWords[id] = significantWords(name.tokens());
            TokenMasks m = TokenMasks.of(name.tokens(), false);
            int at = id * STRIDE;
            masks[at + COUNTED] = m.counted();
            masks[at + SIGNIFICANT] = m.significant();
            masks[at + FIRSTS] = m.firsts();
            masks[at + INITIAL_LETTERS] = m.initialLetters();
            masks[at + LETTERS_AND_FLAGS] = m.letters() | (m.fits() ? FITS : 0) | (name.weak() ? WEAK : 0);
            String[] tokens = name.tokens();
            for (int p = 0; p < tokens.length; p++) {
                tokenShapes[tokenStart[id] + p] = shape(tokens[p]);
                rarity[tokenStart[id] + p] = rarityOfNames[id][p];
            }
        }
        double rarest = 0;
        for (double r : rarity) rarest = Math.max(rarest, r);
        oneWordBelowPartialRarity = rarest < NameScorer.MIN_RARITY;
    }

    private static int significantWords(String[] tokens) {
        int count = 0;
        for (String token : tokens) {
            if (NameScorer.isParticle(token)) continue;
            if (token.length() == 1) return ALWAYS_REACHED;
            count++;
        }
        return count == 0 ? ALWAYS_REACHED : count;
    }

    /**
     * The query's side of the bound, worked out once per search.
     *
     * @param longExtra        the share of the query's counted letters in its significant words of two letters or
     *                         more, which a name met only through weak pairs leaves extra; -1 when the query has no
     *                         significant word or does not fit the masks (then no name is left out for that)
     * @param longExtraWithout per query word, the same share without that word's letters: what a name met only
     *                         through that word's pairs leaves extra
     */
    record Query(TokenMasks masks, int[] shapes, double longExtra, double[] longExtraWithout) {}

    static Query query(String[] tokens) {
        int[] shapes = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) shapes[i] = shape(tokens[i]);
        TokenMasks masks = TokenMasks.of(tokens, true);
        double longExtra = -1;
        double[] longExtraWithout = new double[tokens.length];
        if (masks.fits() && masks.significant() != 0) {
            int longLetters = 0;
            for (long b = masks.significant(); b != 0; b &= b - 1) {
                int letters = tokens[Long.numberOfTrailingZeros(b)].length();
                if (letters >= 2) longLetters += letters;
            }
            longExtra = (double) longLetters / masks.letters();
            for (int q = 0; q < tokens.length; q++) {
                boolean counted = (masks.significant() & 1L << q) != 0 && tokens[q].length() >= 2;
                longExtraWithout[q] = (double) (longLetters - (counted ? tokens[q].length() : 0)) / masks.letters();
            }
        }
        return new Query(masks, shapes, longExtra, longExtraWithout);
    }

    /**
     * Whether every name met through {@linkplain NameScorer#movesNoShare weak pairs} only ("al"/"al", "ali"/"al") may
     * score at least {@code floor}, by {@link NameScorer#upperBoundBelowPartialRarity}: then there is nothing to leave
     * out (a low floor, a query of particles and initials). Otherwise {@link #weakPairsMayLead} tells the names apart.
     */
    static boolean weakPairsMayLeadToAll(Query query, double floor) {
        return query.longExtra() < 0 || NameScorer.upperBoundBelowPartialRarity(query.longExtra(), false) >= floor - SLACK;
    }

    /**
     * Whether name {@code id}, met through weak pairs only, may score at least {@code floor}: it may when the query's
     * initials are as many as its significant words (each may pair one), or when it is {@link #ALWAYS_REACHED}.
     */
    boolean weakPairsMayLead(int id, Query query, double floor) {
        if (query.longExtra() < 0 || significantWords[id] == ALWAYS_REACHED) return true;
        boolean initialsMayPairAll = significantWords[id] <= query.masks().initials();
        return NameScorer.upperBoundBelowPartialRarity(query.longExtra(), initialsMayPairAll) >= floor - SLACK;
    }

    /**
     * Whether every name met through the pairs of one query word only (and weak pairs) may score at least
     * {@code floor}, whichever the word: then there is nothing to leave out. Otherwise {@link #oneWordMayLead}.
     */
    boolean oneWordMayLeadToAll(Query query, double floor) {
        if (!oneWordBelowPartialRarity || query.longExtra() < 0) return true;
        for (double extra : query.longExtraWithout()) {
            if (NameScorer.upperBoundBelowPartialRarity(extra, false) < floor - SLACK) return false;
        }
        return true;
    }

    /**
     * Whether name {@code id}, met through the pairs of query word {@code q} only (and weak pairs), may score at least
     * {@code floor}: that word pairs one of its significant words, the query's initials may pair the others when
     * they are as many, and the query's other words of two letters or more stay extra (it has no one-letter word
     * they could pair as initials; if it has, it is {@link #ALWAYS_REACHED}).
     */
    boolean oneWordMayLead(int id, int q, Query query, double floor) {
        if (!oneWordBelowPartialRarity || query.longExtra() < 0 || significantWords[id] == ALWAYS_REACHED) return true;
        boolean initialsMayPairRest = significantWords[id] <= 1 + query.masks().initials();
        return NameScorer.upperBoundBelowPartialRarity(query.longExtraWithout()[q], initialsMayPairRest) >= floor - SLACK;
    }

    /**
     * Whether name {@code id}, whose tokens {@code listedSeen} and the query's tokens {@code querySeen} have a pair,
     * the best of similarity {@code best}, may score at least {@code floor}. A token without a pair may still pair
     * as an initial ("M." with "muhammad", listed "M" with "muhammad"): a listed word by a query initial of its
     * first letter, each query initial pairing one word at most (so only the longest such words count as reached);
     * a listed initial by a query word of its letter; a query word likewise.
     */
    boolean mayReach(int id, long listedSeen, long querySeen, double best, Query query, double floor) {
        int at = id * STRIDE;
        long flags = masks[at + LETTERS_AND_FLAGS];
        TokenMasks asked = query.masks();
        if ((flags & FITS) == 0 || !asked.fits()) return true;
        long significant = masks[at + SIGNIFICANT];
        long firsts = masks[at + FIRSTS];
        long initialLetters = masks[at + INITIAL_LETTERS];
        int start = tokenStart[id];
        int missingLetters = 0;
        int[] byInitial = null;
        int byInitialCount = 0;
        for (long b = masks[at + COUNTED] & ~listedSeen; b != 0; b &= b - 1) {
            int position = Long.numberOfTrailingZeros(b);
            int shape = tokenShapes[start + position];
            int letters = shape >>> LETTER_BITS;
            long letter = 1L << (shape & 63);
            if ((significant & 1L << position) != 0) {
                if (letters == 1 && (asked.firsts() & letter) != 0) continue;
                if ((asked.initialLetters() & letter) != 0) {
                    if (byInitial == null) byInitial = new int[Long.bitCount(b)];
                    byInitial[byInitialCount++] = letters;
                    continue;
                }
            }
            missingLetters += letters;
        }
        if (byInitialCount > asked.initials()) {
            Arrays.sort(byInitial, 0, byInitialCount);
            for (int i = 0; i < byInitialCount - asked.initials(); i++) missingLetters += byInitial[i];
        }
        int extraLetters = 0;
        for (long b = asked.counted() & ~querySeen; b != 0; b &= b - 1) {
            int shape = query.shapes()[Long.numberOfTrailingZeros(b)];
            int letters = shape >>> LETTER_BITS;
            long letter = 1L << (shape & 63);
            if ((initialLetters & letter) != 0 || letters == 1 && (firsts & letter) != 0) continue;
            extraLetters += letters;
        }
        int listedLetters = (int) flags;
        double missing = listedLetters == 0 ? 0 : (double) missingLetters / listedLetters;
        double extra = asked.letters() == 0 ? 0 : (double) extraLetters / asked.letters();
        double pairedRarity = 0;
        for (long b = listedSeen & significant; b != 0; b &= b - 1) pairedRarity += rarity[start + Long.numberOfTrailingZeros(b)];
        boolean initials = (asked.initialLetters() & firsts) != 0 || (initialLetters & asked.firsts()) != 0;
        double bestPossible = Math.max(best, initials ? NameScorer.INITIAL_SIMILARITY : 0);
        return NameScorer.upperBound(bestPossible, missing, extra, pairedRarity, (flags & WEAK) != 0) >= floor - SLACK;
    }

    /** A token's letters and the letter-mask bit of its first letter. */
    private static int shape(String token) {
        return token.length() << LETTER_BITS | (token.charAt(0) & 63);
    }

    /**
     * @param counted        the tokens whose letters the missing or extra share counts: all but particles, or all
     *                       when there are only particles
     * @param letters        their letters
     * @param significant    the tokens that are not particles
     * @param firsts         the first letters of the tokens that may pair with an initial: a listed particle never
     *                       does, any query word may
     * @param initialLetters the letters of the tokens of one letter that may pair as initials (likewise)
     * @param initials       how many of those
     */
    record TokenMasks(long counted, int letters, long significant, long firsts, long initialLetters, int initials,
                      boolean fits) {
        static TokenMasks of(String[] tokens, boolean query) {
            if (tokens.length > CandidatePairs.MASK_POSITIONS) return new TokenMasks(0, 0, 0, 0, 0, 0, false);
            long significant = 0, firsts = 0, initialLetters = 0;
            int initials = 0;
            for (int i = 0; i < tokens.length; i++) {
                boolean particle = NameScorer.isParticle(tokens[i]);
                long letter = 1L << (tokens[i].charAt(0) & 63);
                if (!particle) significant |= 1L << i;
                if (!particle || query) firsts |= letter;
                if (tokens[i].length() == 1 && (query || !particle)) {
                    initialLetters |= letter;
                    initials++;
                }
            }
            long counted = significant != 0 ? significant : tokens.length == Long.SIZE ? -1L : (1L << tokens.length) - 1;
            int letters = 0;
            for (long b = counted; b != 0; b &= b - 1) letters += tokens[Long.numberOfTrailingZeros(b)].length();
            return new TokenMasks(counted, letters, significant, firsts, initialLetters, initials, true);
        }
    }
}
