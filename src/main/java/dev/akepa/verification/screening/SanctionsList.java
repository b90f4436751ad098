package dev.akepa.verification.screening;

import dev.akepa.verification.screening.NameIndex.IndexedName;
import dev.akepa.verification.screening.SanctionsMatch.Evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
    private final Map<Integer, SdnEntry> byNumber;
    private final NameIndex persons;
    private final NameIndex businesses;

    private SanctionsList(List<SdnEntry> entries) {
        this.entries = List.copyOf(entries);
        Map<Integer, SdnEntry> numbers = new HashMap<>();
        entries.forEach(e -> numbers.put(e.entityNumber(), e));
        this.byNumber = Map.copyOf(numbers);
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
        if (!Files.isDirectory(directory)) {
            throw new NoSuchFileException(directory.toAbsolutePath().toString(), null,
                    "OFAC SDN directory not found (it must hold sdn.csv, alt.csv and add.csv)");
        }
        return new SanctionsList(SdnFiles.read(directory));
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

    public Optional<SdnEntry> entry(int entityNumber) {
        return Optional.ofNullable(byNumber.get(entityNumber));
    }

    /** Entries scoring at least {@code threshold} (0 < threshold ≤ 1), best first; empty when none. */
    public List<SanctionsMatch> screen(ScreeningQuery query, double threshold) {
        if (!(threshold > 0 && threshold <= 1)) throw new IllegalArgumentException("threshold must be in (0, 1]: " + threshold);
        boolean person = query.party() == ScreeningQuery.Party.PERSON;
        NameIndex index = person ? persons : businesses;
        double worthChecking = threshold - Corroboration.MAX_BOOST;
        Map<Integer, Best> bestByEntry = new HashMap<>();
        for (String name : query.names()) {
            String[] tokens = person ? NameNormalizer.person(name) : NameNormalizer.business(name);
            if (tokens.length == 0) continue;
            index.candidates(tokens).forEach((nameId, pairs) -> {
                IndexedName listed = index.name(nameId);
                double score = NameScorer.score(tokens, listed.tokens(), pairs);
                if (score < worthChecking) return;
                bestByEntry.merge(listed.entry(), new Best(listed.listed(), score),
                        (a, b) -> b.score > a.score ? b : a);
            });
        }
        List<SanctionsMatch> matches = new ArrayList<>();
        bestByEntry.forEach((entryIndex, best) -> {
            SdnEntry entry = entries.get(entryIndex);
            Evidence birthDate = Corroboration.birthDate(entry, query.dateOfBirth());
            Evidence country = Corroboration.country(entry, query.countries());
            double score = rounded(Corroboration.adjust(best.score, birthDate, country));
            if (score >= threshold) {
                matches.add(new SanctionsMatch(entry, best.listed, rounded(best.score), score, birthDate, country));
            }
        });
        matches.sort(Comparator.comparingDouble(SanctionsMatch::score).reversed()
                .thenComparingInt(SanctionsMatch::entityNumber));
        return matches;
    }

    /** Four decimals, so a score printed in a reason is the score that was compared. */
    private static double rounded(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }

    private record Best(String listed, double score) {}

    /** The primary name and the aliases of each entry of one type, a name repeated after normalising kept once. */
    private static List<IndexedName> names(List<SdnEntry> entries, SdnEntry.SdnType type) {
        List<IndexedName> names = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            SdnEntry entry = entries.get(i);
            if (entry.type() != type) continue;
            Set<List<String>> seen = new HashSet<>();
            List<String> all = new ArrayList<>();
            all.add(entry.name());
            all.addAll(entry.aliases());
            for (String listed : all) {
                String[] tokens = type == SdnEntry.SdnType.INDIVIDUAL
                        ? NameNormalizer.listedPerson(listed) : NameNormalizer.business(listed);
                if (tokens.length > 0 && seen.add(Arrays.asList(tokens))) names.add(new IndexedName(i, listed, tokens));
            }
        }
        return names;
    }
}
