package dev.akepa.verification.screening;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Prints load time, screening throughput and match quality over the shared OFAC sample; the figures in
 * docs/methodology.md come from here. Not a test (nothing is asserted); run from the repository root:
 * <pre>
 * mvn -q -B test-compile
 * java -cp target/classes:target/test-classes dev.akepa.verification.screening.ScreeningBenchmark [threshold]
 * </pre>
 */
public final class ScreeningBenchmark {
    private static final String[] GIVEN = {
            "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William", "Elizabeth",
            "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
            "Christopher", "Nancy", "Daniel", "Lisa", "Matthew", "Betty", "Anthony", "Margaret", "Mark", "Sandra",
            "Jose", "Maria", "Juan", "Carlos", "Luis", "Ana", "Mohammed", "Ahmed", "Ali", "Fatima",
            "Omar", "Hassan", "Wei", "Li", "Ivan", "Olga", "Sergei", "Nikolai", "Kim", "Hyun"};
    private static final String[] FAMILY = {
            "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
            "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
            "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
            "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
            "Khan", "Ahmed", "Hussain", "Rahman", "Ivanov", "Petrov", "Wang", "Zhang", "Chen", "Park"};

    private ScreeningBenchmark() {}

    public static void main(String[] args) throws Exception {
        double threshold = args.length > 0 ? Double.parseDouble(args[0]) : SanctionsList.DEFAULT_THRESHOLD;
        Path directory = OfacSample.directory();

        long start = System.nanoTime();
        SanctionsList list = SanctionsList.load(directory);
        double coldLoad = millisSince(start);
        for (int i = 0; i < 3; i++) SanctionsList.load(directory);
        start = System.nanoTime();
        SanctionsList.load(directory);
        System.out.printf("entries %d; load %.0f ms cold, %.0f ms warm%n", list.size(), coldLoad, millisSince(start));

        List<ScreeningQuery> ordinary = ordinaryPeople();
        List<ScreeningQuery> listed = listedPeople(list);
        List<ScreeningQuery> businesses = listedBusinesses(list);
        throughput("ordinary people", list, ordinary, threshold);
        throughput("listed people", list, listed, threshold);
        throughput("listed businesses", list, businesses, threshold);
        quality(list, threshold);
    }

    private static void throughput(String label, SanctionsList list, List<ScreeningQuery> queries, double threshold) {
        for (ScreeningQuery q : queries) list.screen(q, threshold); // warm-up
        int rounds = 0;
        long matches = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < 3_000_000_000L) {
            for (ScreeningQuery q : queries) matches += list.screen(q, threshold).size();
            rounds++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-18s %6d queries: %8.0f screenings/s (one thread), %.2f matches per query%n",
                label, queries.size(), rounds * queries.size() / seconds, (double) matches / rounds / queries.size());
    }

    private static void quality(SanctionsList list, double threshold) {
        int flagged = 0;
        int flaggedWithBirthDate = 0;
        Random birthDates = new Random(7);
        for (String given : GIVEN) {
            for (String family : FAMILY) {
                if (!list.screen(ScreeningQuery.person(given, family, null, Set.of()), threshold).isEmpty()) flagged++;
                LocalDate dob = LocalDate.of(1950, 1, 1).plusDays(birthDates.nextInt(365 * 55));
                if (!list.screen(ScreeningQuery.person(given, family, dob, Set.of()), threshold).isEmpty()) flaggedWithBirthDate++;
            }
        }
        int combinations = GIVEN.length * FAMILY.length;
        System.out.printf("ordinary names flagged: %d of %d (%.1f%%) without a date of birth, %d (%.1f%%) with a random one%n",
                flagged, combinations, 100.0 * flagged / combinations,
                flaggedWithBirthDate, 100.0 * flaggedWithBirthDate / combinations);

        Random typos = new Random(42);
        int people = 0, exact = 0, reordered = 0, shortened = 0, typo = 0, datedPeople = 0, shortenedDated = 0;
        for (SdnEntry entry : individualsWithCommaNames(list)) {
            String family = entry.name().substring(0, entry.name().indexOf(',')).strip();
            String given = entry.name().substring(entry.name().indexOf(',') + 1).strip();
            String firstGiven = given.split("\\s+")[0];
            String firstFamily = family.split("\\s+")[0];
            people++;
            if (finds(list, given, family, null, entry, threshold)) exact++;
            if (finds(list, family, given, null, entry, threshold)) reordered++;
            if (finds(list, firstGiven, firstFamily, null, entry, threshold)) shortened++;
            if (finds(list, given, withTypo(family, typos), null, entry, threshold)) typo++;
            if (!entry.birthDates().isEmpty()) {
                datedPeople++;
                if (finds(list, firstGiven, firstFamily, entry.birthDates().getFirst().first(), entry, threshold)) shortenedDated++;
            }
        }
        System.out.printf("listed individuals found (of %d): as listed %.1f%%, family name first %.1f%%, "
                        + "one letter wrong in the family name %.1f%%, first given + first family name only %.1f%% "
                        + "(%.1f%% of %d when the listed date of birth is given)%n",
                people, pct(exact, people), pct(reordered, people), pct(typo, people), pct(shortened, people),
                pct(shortenedDated, datedPeople), datedPeople);
    }

    private static boolean finds(SanctionsList list, String given, String family, LocalDate dob, SdnEntry entry, double threshold) {
        return list.screen(ScreeningQuery.person(given, family, dob, Set.of()), threshold).stream()
                .anyMatch(m -> m.entityNumber() == entry.entityNumber());
    }

    /** One letter replaced inside the longest word (not its first or last letter). */
    private static String withTypo(String name, Random random) {
        String[] words = name.split("\\s+");
        int longest = 0;
        for (int i = 1; i < words.length; i++) if (words[i].length() > words[longest].length()) longest = i;
        String word = words[longest];
        if (word.length() < 4) return name;
        int at = 1 + random.nextInt(word.length() - 2);
        char replacement = (char) ('A' + random.nextInt(26));
        if (replacement == word.charAt(at)) replacement = replacement == 'Z' ? 'A' : (char) (replacement + 1);
        words[longest] = word.substring(0, at) + replacement + word.substring(at + 1);
        return String.join(" ", words);
    }

    private static List<ScreeningQuery> ordinaryPeople() {
        List<ScreeningQuery> queries = new ArrayList<>();
        for (String given : GIVEN) for (String family : FAMILY) queries.add(ScreeningQuery.person(given, family, null, Set.of()));
        return queries;
    }

    private static List<ScreeningQuery> listedPeople(SanctionsList list) {
        return individualsWithCommaNames(list).stream()
                .map(e -> ScreeningQuery.person(e.name().substring(e.name().indexOf(',') + 1),
                        e.name().substring(0, e.name().indexOf(',')), null, Set.of()))
                .toList();
    }

    private static List<ScreeningQuery> listedBusinesses(SanctionsList list) {
        return list.entries().stream().filter(e -> e.type() == SdnEntry.SdnType.ENTITY)
                .map(e -> ScreeningQuery.business(List.of(e.name()), Set.of())).toList();
    }

    private static List<SdnEntry> individualsWithCommaNames(SanctionsList list) {
        return list.entries().stream()
                .filter(e -> e.type() == SdnEntry.SdnType.INDIVIDUAL)
                .filter(e -> e.name().indexOf(',') > 0 && !e.name().substring(e.name().indexOf(',') + 1).isBlank())
                .toList();
    }

    private static double pct(int part, int whole) {
        return 100.0 * part / whole;
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
