package dev.akepa.verification.screening;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Every match of every evaluation query, written to a file so that two builds of the screening can be compared
 * line by line: a change meant to make a search faster must leave each line as it was. The queries are every
 * variation probe and every ordinary name of MatchingEvaluation, a seventh of them again with a date of birth and
 * the countries of a listed entry (so the corroboration's lift is exercised), each screened at 0.50, 0.80 and 0.92.
 * A line holds the query number, the threshold, the entry, its score and name score, the name shown and a hash of
 * the reasons (the customer's words are not written). Nothing is asserted: {@code diff} the outputs.
 *
 * <p>usage: {@code java … ScreeningSnapshot out.txt.gz}
 */
public final class ScreeningSnapshot {
    static final double[] THRESHOLDS = {0.50, 0.80, 0.92};

    private ScreeningSnapshot() {}

    public static void main(String[] args) throws IOException {
        SanctionsList list = OfacSample.list();
        List<ScreeningQuery> queries = queries(list);
        long matches = 0;
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(Path.of(args[0]))), StandardCharsets.UTF_8))) {
            for (int i = 0; i < queries.size(); i++) {
                for (double threshold : THRESHOLDS) {
                    for (SanctionsMatch m : list.screen(queries.get(i), threshold)) {
                        out.write(String.format(Locale.ROOT, "%d %.2f %s %.4f %.4f %08x %08x%n", i, threshold,
                                m.entry().entryId(), m.score(), m.nameScore(), m.matchedName().hashCode(),
                                m.contributions().hashCode()));
                        matches++;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d queries, %d matches at %s%n", queries.size(), matches,
                java.util.Arrays.toString(THRESHOLDS));
    }

    private static List<ScreeningQuery> queries(SanctionsList list) {
        List<ScreeningQuery> queries = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (MatchingEvaluation.Probe p : MatchingEvaluation.variations(list)) {
            queries.add(p.query());
            targets.add(p.entryId());
        }
        for (String[][] set : List.of(new String[][] {MatchingEvaluation.GIVEN_A, MatchingEvaluation.FAMILY_A},
                new String[][] {MatchingEvaluation.GIVEN_B, MatchingEvaluation.FAMILY_B},
                new String[][] {MatchingEvaluation.GIVEN_C, MatchingEvaluation.FAMILY_C})) {
            for (ScreeningQuery q : MatchingEvaluation.ordinaryPeople(list, set[0], set[1])) {
                queries.add(q);
                targets.add(null);
            }
        }
        for (ScreeningQuery q : MatchingEvaluation.ordinaryBusinesses(list)) {
            queries.add(q);
            targets.add(null);
        }
        List<SdnEntry> individuals = list.entries().stream()
                .filter(e -> e.type() == SdnEntry.SdnType.INDIVIDUAL && !e.birthDates().isEmpty()).toList();
        int plain = queries.size();
        for (int i = 0; i < plain; i += 7) {
            ScreeningQuery q = queries.get(i);
            SdnEntry entry = targets.get(i) == null ? individuals.get(i % individuals.size())
                    : list.entry(targets.get(i)).orElseThrow();
            LocalDate born = q.party() == ScreeningQuery.Party.PERSON && !entry.birthDates().isEmpty()
                    ? entry.birthDates().getFirst().first() : null;
            Set<String> countries = entry.countries();
            queries.add(new ScreeningQuery(q.party(), q.names(), born, countries));
        }
        return queries;
    }
}
