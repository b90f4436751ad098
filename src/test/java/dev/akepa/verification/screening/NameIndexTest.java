package dev.akepa.verification.screening;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The candidates a search scores, on the real shared OFAC sample. */
class NameIndexTest {
    private final SanctionsList list = OfacSample.list();

    @Test
    void namesLeftOutByTheBoundCouldNotHaveReachedTheFloor() {
        // every 12th listed name as listed, with its first word as an initial and without it; ordinary names;
        // at the evaluation's floor, the default threshold's and a low search minScore
        List<ScreeningQuery> queries = new ArrayList<>();
        for (int i = 0; i < list.entries().size(); i += 12) {
            SdnEntry entry = list.entries().get(i);
            if (entry.type() != SdnEntry.SdnType.INDIVIDUAL && entry.type() != SdnEntry.SdnType.ENTITY) continue;
            String name = entry.name().replace(",", "");
            String rest = name.contains(" ") ? name.substring(name.indexOf(' ') + 1) : name;
            for (String asked : List.of(name, name.charAt(0) + ". " + rest, rest)) {
                queries.add(entry.type() == SdnEntry.SdnType.INDIVIDUAL
                        ? new ScreeningQuery(ScreeningQuery.Party.PERSON, List.of(asked), null, java.util.Set.of())
                        : ScreeningQuery.business(List.of(asked), java.util.Set.of()));
            }
        }
        List<ScreeningQuery> ordinary = MatchingEvaluation.ordinaryPeople(list, MatchingEvaluation.GIVEN_C, MatchingEvaluation.FAMILY_C);
        for (int i = 0; i < ordinary.size(); i += 5) queries.add(ordinary.get(i));
        queries.addAll(MatchingEvaluation.ordinaryBusinesses(list));
        int reached = 0;
        for (ScreeningQuery query : queries) {
            NameIndex index = list.index(query.party());
            String[] tokens = query.party() == ScreeningQuery.Party.PERSON
                    ? NameNormalizer.person(query.names().getFirst()) : NameNormalizer.business(query.names().getFirst());
            Map<Integer, Double> unbounded = scores(index, tokens, index.candidates(tokens));
            for (double floor : new double[] {0.5, 0.73, 0.85}) {
                Map<Integer, List<NameIndex.TokenPair>> bounded = new TreeMap<>();
                index.candidates(tokens, floor).forEach(c -> bounded.put(c.name(), c.pairs()));

                assertThat(reaching(scores(index, tokens, bounded), floor)).as("%s at %.2f", query.names(), floor)
                        .isEqualTo(reaching(unbounded, floor));
                reached += reaching(unbounded, floor).size();
            }
        }
        assertThat(reached).isGreaterThan(queries.size());
    }

    @Test
    void aQueryOfCommonWordsScoresOnlyTheNamesThatMayReachTheThreshold() {
        String[] tokens = NameNormalizer.person("Abd al Rahman Muhammad Jaffar Ali");
        NameIndex index = list.index(ScreeningQuery.Party.PERSON);
        double floor = SanctionsList.DEFAULT_THRESHOLD - Corroboration.MAX_BOOST;

        assertThat(index.candidates(tokens)).hasSizeGreaterThan(3_000);
        assertThat(index.candidates(tokens, floor)).hasSizeLessThan(300);
    }

    @Test
    void aSharedParticleAloneLeadsOnlyToNamesItsInitialsOrTheQuerysMayPair() {
        NameIndex index = NameIndex.build(List.of(
                new NameIndex.IndexedName(0, "AL BASHIR, Omar", new String[] {"omar", "al", "bashir"}, 2, false),
                new NameIndex.IndexedName(1, "AL R", new String[] {"al", "r"}),
                new NameIndex.IndexedName(2, "AL RASHID, Omar", new String[] {"omar", "al", "rashid"}, 2, false)));
        double floor = SanctionsList.DEFAULT_THRESHOLD - Corroboration.MAX_BOOST;
        String[] rashid = {"al", "rashid"};
        String[] initials = {"o", "b", "al"};

        // "omar al bashir" shares only "al" with "al rashid": it could not reach the floor and is left out;
        // "al r" is kept (its "r" pairs "rashid" as an initial), as is "omar al rashid" with its "al" pair
        assertThat(ids(index.candidates(rashid, 0))).containsExactly(0, 1, 2);
        assertThat(ids(index.candidates(rashid, floor))).containsExactly(1, 2);
        assertThat(index.candidates(rashid, floor).get(1).pairs()).extracting(NameIndex.TokenPair::query).contains(0);
        assertThat(NameScorer.score(rashid, index.name(1), index.rarity(1), index.candidates(rashid, floor).get(0).pairs()))
                .isGreaterThan(floor);
        // two initials may pair both of "omar al bashir"'s significant words
        assertThat(ids(index.candidates(initials, floor))).contains(0);
        assertThat(NameScorer.score(initials, index.name(0), index.rarity(0), index.candidates(initials, floor).get(0).pairs()))
                .isGreaterThan(floor);
    }

    @Test
    void aNameMetThroughOneQueryWordAloneIsKeptOnlyIfTheOtherWordsLeaveItWithinReach() {
        List<NameIndex.IndexedName> names = new ArrayList<>(List.of(
                new NameIndex.IndexedName(0, "KHAN, Muhammad", new String[] {"muhammad", "khan"}, 1, false),
                new NameIndex.IndexedName(1, "MUHAMMAD", new String[] {"muhammad"}),
                new NameIndex.IndexedName(2, "KHAN, Abd Rahman", new String[] {"abd", "rahman", "khan"}, 2, false)));
        // enough other holders of "muhammad" for the query to be one of the heavy ones this is worked out for
        for (int i = 0; i < NameIndex.SPARE_ONE_WORD_FROM; i++) {
            names.add(new NameIndex.IndexedName(names.size(), "N", new String[] {"muhammad", "n" + i}));
        }
        NameIndex index = NameIndex.build(names);
        String[] query = {"abd", "rahman", "muhammad"};
        double floor = SanctionsList.DEFAULT_THRESHOLD - Corroboration.MAX_BOOST;

        // "muhammad khan" shares only "muhammad": "abd rahman" (9 of 17 letters) stay extra and "khan" is missing,
        // so it scores at most 1 - 0.3 x 9/17 = 0.84; "muhammad" alone misses nothing (at most 0.95)
        assertThat(ids(index.candidates(query, 0))).hasSize(names.size());
        assertThat(ids(index.candidates(query, floor))).containsExactly(1, 2);
        assertThat(ids(index.candidates(query, 0.70))).contains(0, 1, 2);
    }

    private static List<Integer> ids(List<NameIndex.Candidate> candidates) {
        return candidates.stream().map(NameIndex.Candidate::name).toList();
    }

    private static Map<Integer, Double> scores(NameIndex index, String[] tokens, Map<Integer, List<NameIndex.TokenPair>> pairs) {
        Map<Integer, Double> scores = new TreeMap<>();
        pairs.forEach((id, namePairs) -> scores.put(id, NameScorer.score(tokens, index.name(id), index.rarity(id), namePairs)));
        return scores;
    }

    /** The names scoring at least {@code floor}, with their scores. */
    private static Map<Integer, Double> reaching(Map<Integer, Double> scores, double floor) {
        Map<Integer, Double> reaching = new TreeMap<>();
        scores.forEach((id, score) -> {
            if (score >= floor) reaching.put(id, score);
        });
        return reaching;
    }
}
