package dev.akepa.verification.screening;

import dev.akepa.verification.screening.NameIndex.IndexedName;
import dev.akepa.verification.screening.SanctionsMatch.Evidence;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The OFAC SDN list, loaded once and indexed for name screening. Immutable, so one instance serves all threads.
 * Individuals are screened against persons, entities against businesses; vessels and aircraft are not screened.
 */
public final class SanctionsList {
    /** Scores at or above this are matches unless configured otherwise; see docs/methodology.md. */
    public static final double DEFAULT_THRESHOLD = 0.92;

    private final List<SdnEntry> entries;
    private final Map<String, SdnEntry> byId;
    private final NameIndex persons;
    private final NameIndex businesses;

    private SanctionsList(List<SdnEntry> entries) {
        this.entries = List.copyOf(entries);
        Map<String, SdnEntry> ids = new HashMap<>();
        entries.forEach(e -> ids.put(e.entryId(), e));
        this.byId = Map.copyOf(ids);
        this.persons = NameIndex.build(names(this.entries, SdnEntry.SdnType.INDIVIDUAL));
        this.businesses = NameIndex.build(names(this.entries, SdnEntry.SdnType.ENTITY));
    }

    /**
     * Reads sdn.csv, alt.csv and add.csv (OFAC's legacy CSV layout) from {@code directory}.
     *
     * @throws NoSuchFileException if the directory or one of the files is missing
     * @throws SdnFormatException  if a file does not have the legacy layout
     */
    public static SanctionsList load(Path directory) throws IOException {
        return of(ListFiles.read(directory));
    }

    /** Validates and indexes one release; a malformed file throws with its name and line. */
    public static SanctionsList of(ListFiles files) throws SdnFormatException {
        return new SanctionsList(SdnFiles.read(files));
    }

    static SanctionsList of(List<SdnEntry> entries) {
        return new SanctionsList(entries);
    }

    public int size() {
        return entries.size();
    }

    /** All entries in file order. */
    public List<SdnEntry> entries() {
        return entries;
    }

    public Optional<SdnEntry> entry(String entryId) {
        return Optional.ofNullable(byId.get(entryId));
    }

    /** Entries, aliases (strong and weak) and entries of the consolidated list, as an import reports them. */
    public Counts counts() {
        int aliases = 0, weak = 0, consolidated = 0;
        for (SdnEntry e : entries) {
            aliases += e.aliases().size();
            weak += e.weakAliases().size();
            if (e.source() == SdnEntry.Source.CONSOLIDATED) consolidated++;
        }
        return new Counts(entries.size(), aliases, weak, consolidated);
    }

    public record Counts(int entries, int aliases, int weakAliases, int consolidatedEntries) {}

    /**
     * Entries scoring at least {@code threshold} (0 < threshold ≤ 1), best first; empty when none. A name scoring
     * at least the threshold on its own stays a match whatever the date of birth or country say (they move its
     * score, never below the threshold); a name just under it can be lifted by them.
     */
    public List<SanctionsMatch> screen(ScreeningQuery query, double threshold) {
        if (!(threshold > 0 && threshold <= 1)) throw new IllegalArgumentException("threshold must be in (0, 1]: " + threshold);
        boolean person = query.party() == ScreeningQuery.Party.PERSON;
        NameIndex index = index(query.party());
        double worthChecking = threshold - Corroboration.MAX_BOOST;
        Map<Integer, Best> bestByEntry = new HashMap<>();
        for (String name : query.names()) {
            String[] tokens = person ? NameNormalizer.person(name) : NameNormalizer.business(name);
            if (tokens.length == 0) continue;
            for (NameIndex.Candidate candidate : index.candidates(tokens, worthChecking)) {
                IndexedName listed = index.name(candidate.name());
                double score = NameScorer.score(tokens, listed, index.rarity(candidate.name()), candidate.pairs());
                if (score < worthChecking) continue;
                bestByEntry.merge(listed.entry(), new Best(candidate.name(), tokens, candidate.pairs(), score),
                        (a, b) -> b.score > a.score ? b : a);
            }
        }
        List<SanctionsMatch> matches = new ArrayList<>();
        bestByEntry.forEach((entryIndex, best) -> {
            SdnEntry entry = entries.get(entryIndex);
            Evidence birthDate = Corroboration.birthDate(entry, query.dateOfBirth());
            Evidence country = Corroboration.country(entry, query.countries());
            double nameScore = rounded(best.score);
            double score = rounded(Corroboration.adjust(nameScore, birthDate, country, threshold));
            if (score >= threshold) {
                IndexedName listed = index.name(best.nameId);
                List<String> why = new ArrayList<>(NameScorer.explain(best.query, listed, index.rarity(best.nameId), best.pairs));
                why.addAll(Corroboration.explain(nameScore, birthDate, country, threshold));
                matches.add(new SanctionsMatch(entry, listed.listed(), String.join(" ", best.query), nameScore, score,
                        birthDate, country, why));
            }
        });
        matches.sort(Comparator.comparingDouble(SanctionsMatch::score).reversed()
                .thenComparing(m -> m.entry().entryId()));
        return matches;
    }

    /** The index a party is screened against (tests of the index on the real list). */
    NameIndex index(ScreeningQuery.Party party) {
        return party == ScreeningQuery.Party.PERSON ? persons : businesses;
    }

    /** Four decimals, so a score printed in a reason is the score that was compared. */
    private static double rounded(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }

    private record Best(int nameId, String[] query, List<NameIndex.TokenPair> pairs, double score) {}

    /** The primary name and the aliases of each entry of one type, a name repeated after normalising kept once. */
    private static List<IndexedName> names(List<SdnEntry> entries, SdnEntry.SdnType type) {
        List<IndexedName> names = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            SdnEntry entry = entries.get(i);
            if (entry.type() != type) continue;
            Set<List<String>> seen = new HashSet<>();
            List<String> strong = new ArrayList<>();
            strong.add(entry.name());
            strong.addAll(entry.aliases());
            for (String listed : strong) add(names, seen, i, listed, type, false);
            for (String listed : entry.weakAliases()) add(names, seen, i, listed, type, true);
        }
        return names;
    }

    private static void add(List<IndexedName> names, Set<List<String>> seen, int entry, String listed,
                            SdnEntry.SdnType type, boolean weak) {
        String[] tokens;
        int familyFrom = -1;
        if (type == SdnEntry.SdnType.INDIVIDUAL) {
            NameNormalizer.ListedPerson person = weak ? new NameNormalizer.ListedPerson(NameNormalizer.person(listed), -1)
                    : NameNormalizer.listedPerson(listed);
            tokens = person.tokens();
            familyFrom = person.familyFrom();
        } else {
            tokens = NameNormalizer.business(listed);
        }
        if (tokens.length > 0 && seen.add(Arrays.asList(tokens))) names.add(new IndexedName(entry, listed, tokens, familyFrom, weak));
    }
}
