package dev.akepa.verification.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds, for a query, the listed names that share at least one similar token with it, without comparing the
 * query with every name.
 *
 * <p>Every distinct token of the list (its vocabulary) is filed under two keys: its first letter, and the two
 * letters that follow it. A query token is compared (Jaro-Winkler) only with the vocabulary filed under its own
 * two keys; the second key catches spellings that differ in the first letter ("Qadhafi"/"Kadhafi",
 * "Yusuf"/"Jusuf"). Each vocabulary token that reaches {@link NameScorer#PAIR_FLOOR} leads, through its postings,
 * to the names containing it, which are scored from those token pairs alone.
 */
final class NameIndex {
    /**
     * A name as listed (primary or alias) with its normalised tokens.
     *
     * @param familyFrom where the family names start in {@code tokens} (listed "LAST, First"), -1 when unknown
     * @param weak       one of OFAC's weak aliases (remarks "a.k.a. 'BNC'"): counts only when matched exactly
     * @param particle   per token, whether it is a {@linkplain NameScorer#isParticle particle}: worked out once here,
     *                   since the scorer asks it of every listed word several times per name scored (a set probe
     *                   each time was 8.5 % of a re-screening's CPU)
     */
    record IndexedName(int entry, String listed, String[] tokens, int familyFrom, boolean weak, boolean[] particle) {
        IndexedName(int entry, String listed, String[] tokens, int familyFrom, boolean weak) {
            this(entry, listed, tokens, familyFrom, weak, NameScorer.particles(tokens));
        }

        IndexedName(int entry, String listed, String[] tokens) {
            this(entry, listed, tokens, -1, false);
        }
    }

    /** Query token {@code query} is similar to token {@code name} of a listed name. */
    record TokenPair(int query, int name, double similarity) {}

    static final int POSITION_BITS = 8;
    static final int MAX_TOKENS = 1 << POSITION_BITS;

    /**
     * Vocabulary words similar to one query word, how similar, and which of the pairs
     * {@linkplain NameScorer#movesNoShare move no share}.
     */
    private record Similar(int[] words, double[] similarity, boolean[] weak, boolean anyWeak) {}

    static final int SIMILAR_CACHE_LIMIT = 200_000;

    private final Map<String, Similar> similarCache = new ConcurrentHashMap<>();
    private final List<IndexedName> names;
    private final String[] vocabulary;
    private final int[][] postings;
    private final Map<String, int[]> vocabularyByKey;
    /** Per name, per token: how rare the token is among the listed names (log of names over names holding it). */
    private final double[][] rarity;
    /** Per name, what the scorer's bound needs, worked out once here instead of per search. */
    private final CandidateBound bound;

    private NameIndex(List<IndexedName> names, String[] vocabulary, int[][] postings, Map<String, int[]> byKey,
                      double[][] rarity) {
        this.names = names;
        this.vocabulary = vocabulary;
        this.postings = postings;
        this.vocabularyByKey = byKey;
        this.rarity = rarity;
        this.bound = new CandidateBound(names, rarity);
    }

    static NameIndex build(List<IndexedName> names) {
        Map<String, List<Integer>> postingsByToken = new LinkedHashMap<>();
        for (int id = 0; id < names.size(); id++) {
            String[] tokens = names.get(id).tokens();
            if (tokens.length > MAX_TOKENS) throw new IllegalArgumentException("a name has over " + MAX_TOKENS + " words");
            for (int position = 0; position < tokens.length; position++) {
                postingsByToken.computeIfAbsent(tokens[position], t -> new ArrayList<>())
                        .add(id << POSITION_BITS | position);
            }
        }
        String[] vocabulary = postingsByToken.keySet().toArray(String[]::new);
        int[][] postings = new int[vocabulary.length][];
        Map<String, List<Integer>> byKey = new HashMap<>();
        for (int v = 0; v < vocabulary.length; v++) {
            postings[v] = postingsByToken.get(vocabulary[v]).stream().mapToInt(Integer::intValue).toArray();
            for (String key : keys(vocabulary[v])) {
                if (key != null) byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
            }
        }
        Map<String, int[]> frozen = new HashMap<>();
        byKey.forEach((key, ids) -> frozen.put(key, ids.stream().mapToInt(Integer::intValue).toArray()));
        Map<String, Double> rarityByToken = new HashMap<>();
        postingsByToken.forEach((token, list) -> rarityByToken.put(token,
                Math.log((double) names.size() / list.stream().map(p -> p >>> POSITION_BITS).distinct().count())));
        double[][] rarity = new double[names.size()][];
        for (int id = 0; id < names.size(); id++) {
            String[] tokens = names.get(id).tokens();
            rarity[id] = new double[tokens.length];
            for (int position = 0; position < tokens.length; position++) rarity[id][position] = rarityByToken.get(tokens[position]);
        }
        return new NameIndex(List.copyOf(names), vocabulary, postings, Map.copyOf(frozen), rarity);
    }

    /** How rare each token of name {@code id} is in this index: ln(names / names holding the token). */
    double[] rarity(int id) {
        return rarity[id];
    }

    IndexedName name(int id) {
        return names.get(id);
    }

    int size() {
        return names.size();
    }

    /** A listed name worth scoring, with the similar token pairs it shares with the query, in the order found. */
    record Candidate(int name, List<TokenPair> pairs) {}

    /** Name id → the similar token pairs it shares with the query; names sharing none are absent. */
    Map<Integer, List<TokenPair>> candidates(String[] query) {
        Map<Integer, List<TokenPair>> pairsByName = new LinkedHashMap<>();
        for (Candidate c : candidates(query, 0)) pairsByName.put(c.name(), c.pairs());
        return pairsByName;
    }

    /**
     * The names sharing a similar token with the query that may score at least {@code floor}, in id order (a name's
     * aliases follow it, so of an entry's names scoring alike the first listed is kept). A name whose
     * {@link NameScorer#upperBound} is under the floor is left out unscored: that is what keeps a query of common
     * words ("abd al rahman muhammad") to a few scorings instead of thousands.
     *
     * <p>A weak pair ("al"/"al", "ali"/"al": {@link NameScorer#movesNoShare}) is kept for a name that another pair
     * leads to, where it still moves the quality, but leads to no name by itself unless
     * {@link CandidateBound#weakPairsMayLead} says that name may reach the floor: "al" alone leads to 2,091 listed
     * persons, and bounding them one by one was the tail of a common-word search (a name left out could not have
     * reached the floor, so no result changes). Likewise the pairs of one query word lead to a name that no other
     * query word's pairs lead to only if {@link CandidateBound#oneWordMayLead} says it may reach the floor: in "abd al
     * rahman muhammad jaffar ali" a name holding "muhammad" and nothing else of the query misses the other words'
     * 70 % of the letters. The pairs are gathered in the same order as before either way.
     */
    List<Candidate> candidates(String[] query, double floor) {
        Similar[] similar = new Similar[query.length];
        int pairs = 0;
        boolean anyWeak = false;
        for (int q = 0; q < query.length; q++) {
            if (query[q].length() < 2) continue; // an initial is paired while scoring, not looked up
            similar[q] = similarWords(query[q]);
            for (int word : similar[q].words()) pairs += postings[word].length;
            anyWeak |= similar[q].anyWeak();
        }
        if (pairs == 0) return List.of();
        CandidateBound.Query asked = CandidateBound.query(query);
        boolean spareWeak = anyWeak && !CandidateBound.weakPairsMayLeadToAll(asked, floor);
        boolean spareOneWord = pairs >= SPARE_ONE_WORD_FROM && !bound.oneWordMayLeadToAll(asked, floor);
        short[] ledBy = spareWeak || spareOneWord ? ledBy(similar) : null;
        CandidatePairs found = new CandidatePairs(pairs, names.size());
        for (int q = 0; q < query.length; q++) {
            if (similar[q] == null) continue;
            int[] words = similar[q].words();
            for (int i = 0; i < words.length; i++) {
                double similarity = similar[q].similarity()[i];
                for (int posting : postings[words[i]]) {
                    int name = posting >>> POSITION_BITS;
                    if (ledBy == null || mayLead(ledBy[name], name, asked, floor, spareWeak, spareOneWord)) {
                        found.add(name, q, posting & (MAX_TOKENS - 1), similarity);
                    }
                }
            }
        }
        boolean[] kept = new boolean[found.size()];
        int keptCount = 0;
        for (int c = 0; c < found.size(); c++) {
            if (found.unmasked(c) || bound.mayReach(found.name(c), found.listedSeen(c), found.querySeen(c),
                    found.bestSimilarity(c), asked, floor)) {
                kept[c] = true;
                keptCount++;
            }
        }
        if (keptCount == 0) return List.of();
        List<List<TokenPair>> pairsOf = found.pairs(kept);
        List<Candidate> candidates = new ArrayList<>(keptCount);
        for (int c = 0; c < found.size(); c++) if (kept[c]) candidates.add(new Candidate(found.name(c), pairsOf.get(c)));
        candidates.sort(java.util.Comparator.comparingInt(Candidate::name));
        return candidates;
    }

    /**
     * Below this many postings met, names met through one word only are not spared: the per-name table it takes
     * (a short per listed name) is kept off the light queries (the p50 query meets 71 names). A guess, not tuned;
     * speed only, either way no result changes.
     */
    static final int SPARE_ONE_WORD_FROM = 1_000;
    private static final short LED_BY_SEVERAL = -1;

    /**
     * Per name, which query words' pairs that are not weak lead to it: 0 none, q + 1 word q alone,
     * {@link #LED_BY_SEVERAL} more than one.
     */
    private short[] ledBy(Similar[] similar) {
        short[] led = new short[names.size()];
        for (int q = 0; q < similar.length; q++) {
            Similar s = similar[q];
            if (s == null) continue;
            for (int i = 0; i < s.words().length; i++) {
                if (s.weak()[i]) continue;
                for (int posting : postings[s.words()[i]]) {
                    int name = posting >>> POSITION_BITS;
                    if (led[name] == 0) led[name] = (short) (q + 1);
                    else if (led[name] != q + 1) led[name] = LED_BY_SEVERAL;
                }
            }
        }
        return led;
    }

    /** Whether a pair may join name {@code name}, led to by {@code ledBy} ({@link #ledBy}): the same answer for all its pairs. */
    private boolean mayLead(short ledBy, int name, CandidateBound.Query asked, double floor, boolean spareWeak, boolean spareOneWord) {
        if (ledBy == LED_BY_SEVERAL) return true;
        if (ledBy == 0) return !spareWeak || bound.weakPairsMayLead(name, asked, floor);
        return !spareOneWord || bound.oneWordMayLead(name, ledBy - 1, asked, floor);
    }

    /**
     * The vocabulary words reaching {@link NameScorer#PAIR_FLOOR} against {@code token}. Remembered per token: people's
     * words repeat (a re-screening of a million customers meets a few tens of thousands of distinct words), and
     * comparing a word with its buckets is most of a screening's cost. The memory is bounded by
     * {@link #SIMILAR_CACHE_LIMIT} words and emptied when full; the index is immutable, so an answer never goes stale.
     */
    private Similar similarWords(String token) {
        Similar known = similarCache.get(token);
        if (known != null) return known;
        int[] words = new int[8];
        double[] similarities = new double[8];
        int found = 0;
        for (String key : keys(token)) {
            int[] bucket = key == null ? null : vocabularyByKey.get(key);
            if (bucket == null) continue;
            for (int v : bucket) {
                if (!lengthsCanMatch(token, vocabulary[v])) continue;
                double similarity = JaroWinkler.similarity(token, vocabulary[v]);
                if (similarity < NameScorer.PAIR_FLOOR || contains(words, found, v)) continue;
                if (found == words.length) {
                    words = Arrays.copyOf(words, found * 2);
                    similarities = Arrays.copyOf(similarities, found * 2);
                }
                words[found] = v;
                similarities[found++] = similarity;
            }
        }
        boolean[] weak = new boolean[found];
        boolean anyWeak = false;
        for (int i = 0; i < found; i++) {
            weak[i] = NameScorer.movesNoShare(token, vocabulary[words[i]], similarities[i]);
            anyWeak |= weak[i];
        }
        Similar similar = new Similar(Arrays.copyOf(words, found), Arrays.copyOf(similarities, found), weak, anyWeak);
        if (similarCache.size() >= SIMILAR_CACHE_LIMIT) similarCache.clear();
        similarCache.put(token, similar);
        return similar;
    }

    private static boolean contains(int[] values, int length, int value) {
        for (int i = 0; i < length; i++) if (values[i] == value) return true;
        return false;
    }

    /** First letter, and the next two letters (tokens of three letters or more). */
    private static String[] keys(String token) {
        return new String[] {
                token.substring(0, 1),
                token.length() >= 3 ? "+" + token.substring(1, 3) : null};
    }

    /**
     * Jaro-Winkler cannot exceed 0.8 + 0.2 × (shorter/longer), so tokens of very different lengths are skipped
     * without computing it.
     */
    private static boolean lengthsCanMatch(String a, String b) {
        int shorter = Math.min(a.length(), b.length());
        int longer = Math.max(a.length(), b.length());
        return 0.8 + 0.2 * shorter / longer >= NameScorer.PAIR_FLOOR;
    }
}
