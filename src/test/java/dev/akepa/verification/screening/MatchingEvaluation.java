package dev.akepa.verification.screening;

import com.ibm.icu.text.Transliterator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The evaluation set of docs/methodology.md: variations of listed names generated from the list itself (each
 * kind below), and names that are not on the list. No query carries a date of birth or a country, so the name
 * alone must do. Run {@code main} to print the table and the curve; MatchingQualityTest asserts the targets.
 */
public final class MatchingEvaluation {
    /** Each kind of variation, as methodology.md describes it. */
    enum Variation {
        AS_LISTED("given names then family names, as listed"),
        FAMILY_FIRST("family names first"),
        LOWER_CASE_ACCENTED("lower case, accents added to the vowels of the family name"),
        MIDDLE_NAMES_DROPPED("first given name + all family names"),
        FIRST_GIVEN_FIRST_FAMILY("first given name + first family name (not a particle)"),
        MIDDLE_INITIALS("middle names as initials (\"Ayman M. R. Al Zawahiri\")"),
        TYPO_REPLACED("one letter replaced in the longest word"),
        TYPO_TRANSPOSED("two neighbouring letters swapped in the longest word"),
        EXTRA_WORD("an extra given name added (\"Nicolas Antonio Maduro Moros\")"),
        CYRILLIC("written in Cyrillic (ICU Latin-Cyrillic)"),
        CYRILLIC_FIRST_GIVEN_FIRST_FAMILY("first given name + first family name, written in Cyrillic"),
        ALIAS("a listed strong alias, given names first"),
        BUSINESS_AS_LISTED("business name as listed"),
        BUSINESS_OTHER_LEGAL_FORM("business name with its legal form replaced by \"LLC\""),
        BUSINESS_EXTRA_WORD("business name followed by \"Holdings\""),
        BUSINESS_TYPO("business name, one letter replaced in the longest word");

        final String description;

        Variation(String description) {
            this.description = description;
        }
    }

    record Probe(Variation variation, ScreeningQuery query, String entryId) {}

    record Outcome(Variation variation, double targetScore) {}

    static final double[] CURVE = {0.80, 0.84, 0.86, 0.88, 0.90, 0.91, 0.92, 0.93, 0.94, 0.96, 0.98};
    private static final double FLOOR = 0.80;

    static final String[] GIVEN_A = {
            "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William", "Elizabeth",
            "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
            "Christopher", "Nancy", "Daniel", "Lisa", "Matthew", "Betty", "Anthony", "Margaret", "Mark", "Sandra",
            "Jose", "Maria", "Juan", "Carlos", "Luis", "Ana", "Mohammed", "Ahmed", "Ali", "Fatima",
            "Omar", "Hassan", "Wei", "Li", "Ivan", "Olga", "Sergei", "Nikolai", "Kim", "Hyun"};
    static final String[] FAMILY_A = {
            "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
            "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
            "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
            "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
            "Khan", "Ahmed", "Hussain", "Rahman", "Ivanov", "Petrov", "Wang", "Zhang", "Chen", "Park"};
    /** A second set, never looked at while the scoring was tuned. */
    static final String[] GIVEN_B = {
            "Emma", "Noah", "Olivia", "Liam", "Sophia", "Lucas", "Chloe", "Hugo", "Lea", "Louis",
            "Giulia", "Marco", "Francesca", "Luca", "Sofia", "Pablo", "Lucia", "Diego", "Elena", "Javier",
            "Priya", "Rahul", "Anjali", "Arjun", "Deepa", "Yuki", "Hiroshi", "Sakura", "Kenji", "Mei",
            "Chinedu", "Amara", "Kwame", "Ama", "Tunde", "Aisha", "Yusuf", "Zainab", "Ibrahim", "Khadija",
            "Anna", "Piotr", "Katarzyna", "Jan", "Ewa", "Lars", "Ingrid", "Sven", "Astrid", "Mikko"};
    static final String[] FAMILY_B = {
            "Dubois", "Moreau", "Laurent", "Lefebvre", "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano",
            "Fernandez", "Gomez", "Diaz", "Alvarez", "Romero", "Patel", "Sharma", "Singh", "Gupta", "Kumar",
            "Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Okafor", "Adeyemi", "Mensah", "Owusu", "Balogun",
            "Kowalski", "Nowak", "Wisniewski", "Johansson", "Andersson", "Nielsen", "Hansen", "Virtanen", "Korhonen",
            "Murphy", "Kelly", "OBrien", "Walsh", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker"};
    /**
     * The tuning set of ordinary names: common names of the same populations as set A (Hispanic, Arabic, English,
     * Russian, Chinese), no word shared with set A or B. The scoring's parameters are chosen on it and on the
     * variations of even entry numbers; set A, set B and the odd entry numbers are the held-out split.
     */
    static final String[] GIVEN_C = {
            "Francisco", "Pedro", "Miguel", "Jorge", "Manuel", "Antonio", "Rosa", "Carmen", "Luz", "Pilar",
            "Fernando", "Rafael", "Alejandro", "Ricardo", "Eduardo", "Guadalupe", "Teresa", "Isabel", "Marta", "Raul",
            "Abdullah", "Mustafa", "Khalid", "Yousef", "Hamza", "Tariq", "Samir", "Nadia", "Layla", "Mariam",
            "Jamal", "Rashid", "Karim", "Salim", "Amir", "George", "Paul", "Steven", "Kevin", "Brian",
            "Helen", "Laura", "Emily", "Donna", "Carol", "Dmitri", "Alexei", "Tatiana", "Natalia", "Xin"};
    static final String[] FAMILY_C = {
            "Gutierrez", "Vargas", "Castillo", "Jimenez", "Moreno", "Ruiz", "Herrera", "Medina", "Aguilar", "Mendoza",
            "Ortiz", "Silva", "Rojas", "Vasquez", "Castro", "Morales", "Ramos", "Reyes", "Cruz", "Rivera",
            "Mahmoud", "Saleh", "Hamdan", "Haddad", "Nasser", "Qureshi", "Siddiqui", "Malik", "Sheikh", "Mirza",
            "Baker", "Hall", "Adams", "Nelson", "Carter", "Mitchell", "Roberts", "Turner", "Phillips", "Campbell",
            "Smirnov", "Kuznetsov", "Popov", "Sokolov", "Liu", "Yang", "Huang", "Zhao", "Wu", "Evans"};
    static final String[] BUSINESS_WORDS = {
            "Blue", "Ridge", "Summit", "Harbor", "Maple", "Cedar", "Pioneer", "Liberty", "Granite", "Silver",
            "Sunrise", "Prairie", "Evergreen", "Lakeside", "Redwood", "Coastal", "Metro", "Keystone", "Northwind", "Bright"};
    static final String[] BUSINESS_KINDS = {
            "Hardware", "Bakery", "Dental", "Plumbing", "Consulting", "Logistics", "Software", "Roofing", "Florist",
            "Catering", "Realty", "Auto Repair", "Pharmacy", "Fitness", "Printing", "Landscaping", "Accounting",
            "Veterinary", "Coffee", "Brewing", "Clinic", "Insurance", "Outfitters", "Media", "Farms"};

    private static final String[] EXTRA_GIVEN = {"Antonio", "Marie", "James", "Lee", "Ann"};

    private MatchingEvaluation() {}

    /** Variations of every listed individual (written "LAST, Given") and entity, in a fixed pseudo-random order. */
    static List<Probe> variations(SanctionsList list) {
        Random random = new Random(42);
        Transliterator cyrillic = Transliterator.getInstance("Latin-Cyrillic");
        List<Probe> probes = new ArrayList<>();
        for (SdnEntry entry : list.entries()) {
            if (entry.type() == SdnEntry.SdnType.INDIVIDUAL) {
                Person p = Person.of(entry.name());
                if (p != null) {
                    String id = entry.entryId();
                    probes.add(person(Variation.AS_LISTED, p.given + " " + p.family, id));
                    probes.add(person(Variation.FAMILY_FIRST, p.family + " " + p.given, id));
                    probes.add(person(Variation.LOWER_CASE_ACCENTED,
                            (p.given + " " + accented(p.family)).toLowerCase(Locale.ROOT), id));
                    String[] given = p.given.split("\\s+");
                    if (given.length >= 2) {
                        probes.add(person(Variation.MIDDLE_NAMES_DROPPED, given[0] + " " + p.family, id));
                        StringBuilder initials = new StringBuilder(given[0]);
                        for (int i = 1; i < given.length; i++) initials.append(' ').append(given[i].charAt(0)).append('.');
                        probes.add(person(Variation.MIDDLE_INITIALS, initials + " " + p.family, id));
                    }
                    String firstFamily = firstSignificant(p.family);
                    if (firstFamily != null && (given.length >= 2 || !firstFamily.equals(p.family))) {
                        probes.add(person(Variation.FIRST_GIVEN_FIRST_FAMILY, given[0] + " " + firstFamily, id));
                        probes.add(person(Variation.CYRILLIC_FIRST_GIVEN_FIRST_FAMILY,
                                cyrillic.transliterate((given[0] + " " + firstFamily).toLowerCase(Locale.ROOT)), id));
                    }
                    String natural = p.given + " " + p.family;
                    String replaced = withReplacedLetter(natural, random);
                    if (replaced != null) probes.add(person(Variation.TYPO_REPLACED, replaced, id));
                    String transposed = withTransposition(natural);
                    if (transposed != null) probes.add(person(Variation.TYPO_TRANSPOSED, transposed, id));
                    probes.add(person(Variation.EXTRA_WORD,
                            given[0] + " " + EXTRA_GIVEN[random.nextInt(EXTRA_GIVEN.length)] + " "
                                    + String.join(" ", Arrays.copyOfRange(given, 1, given.length)) + " " + p.family, id));
                    probes.add(person(Variation.CYRILLIC, cyrillic.transliterate(natural.toLowerCase(Locale.ROOT)), id));
                }
                for (String alias : entry.aliases()) {
                    Person a = Person.of(alias);
                    if (a != null) probes.add(person(Variation.ALIAS, a.given + " " + a.family, entry.entryId()));
                }
            } else if (entry.type() == SdnEntry.SdnType.ENTITY) {
                String id = entry.entryId();
                probes.add(business(Variation.BUSINESS_AS_LISTED, entry.name(), id));
                String core = String.join(" ", NameNormalizer.business(entry.name()));
                probes.add(business(Variation.BUSINESS_OTHER_LEGAL_FORM, core + " LLC", id));
                probes.add(business(Variation.BUSINESS_EXTRA_WORD, entry.name() + " Holdings", id));
                String typo = withReplacedLetter(entry.name(), random);
                if (typo != null) probes.add(business(Variation.BUSINESS_TYPO, typo, id));
            }
        }
        return probes;
    }

    /**
     * The split of docs/methodology.md: the scoring's parameters are chosen on the tuning split (listed entries with
     * an even entry number, and set C; before issue 16's last round, set A's words at even positions) and reported on
     * the rest: odd entry numbers, set A, set B.
     */
    static boolean tuningEntry(String entryId) {
        return !entryId.startsWith("cons:") && Integer.parseInt(entryId) % 2 == 0;
    }

    static String[] half(String[] words, int parity) {
        List<String> half = new ArrayList<>();
        for (int i = parity; i < words.length; i += 2) half.add(words[i]);
        return half.toArray(String[]::new);
    }

    /**
     * Ordinary people's names (one of the sets) that are not, word for word, a listed name, nor a name the recall set
     * asks to find (docs/methodology.md, "What counts as a non-listed name"): "Juan Martinez" is the first given +
     * first family name probe of "MARTINEZ VEGA, Juan Jose", so one name cannot be in both targets.
     */
    static List<ScreeningQuery> ordinaryPeople(SanctionsList list, String[] given, String[] family) {
        Set<Set<String>> listed = listedWordSets(list, SdnEntry.SdnType.INDIVIDUAL);
        listed.addAll(probedWordSets(list));
        List<ScreeningQuery> queries = new ArrayList<>();
        for (String g : given) {
            for (String f : family) {
                if (listed.contains(new HashSet<>(Arrays.asList(NameNormalizer.person(g + " " + f))))) continue;
                queries.add(ScreeningQuery.person(g, f, null, Set.of()));
            }
        }
        return queries;
    }

    static List<ScreeningQuery> ordinaryBusinesses(SanctionsList list) {
        Set<Set<String>> listed = listedWordSets(list, SdnEntry.SdnType.ENTITY);
        List<ScreeningQuery> queries = new ArrayList<>();
        for (String word : BUSINESS_WORDS) {
            for (String kind : BUSINESS_KINDS) {
                String name = word + " " + kind + " LLC";
                if (listed.contains(new HashSet<>(Arrays.asList(NameNormalizer.business(name))))) continue;
                queries.add(ScreeningQuery.business(List.of(name), Set.of()));
            }
        }
        return queries;
    }

    /** The word sets of the recall set's probes for listed people, as the screening normalises a customer's name. */
    private static Set<Set<String>> probedWordSets(SanctionsList list) {
        Set<Set<String>> sets = new HashSet<>();
        for (Probe probe : variations(list)) {
            if (probe.query().party() != ScreeningQuery.Party.PERSON) continue;
            sets.add(new HashSet<>(Arrays.asList(NameNormalizer.person(probe.query().names().getFirst()))));
        }
        return sets;
    }

    private static Set<Set<String>> listedWordSets(SanctionsList list, SdnEntry.SdnType type) {
        Set<Set<String>> sets = new HashSet<>();
        for (SdnEntry e : list.entries()) {
            if (e.type() != type) continue;
            List<String> names = new ArrayList<>(e.aliases());
            names.add(e.name());
            for (String n : names) {
                String[] tokens = type == SdnEntry.SdnType.INDIVIDUAL ? NameNormalizer.listedPerson(n).tokens() : NameNormalizer.business(n);
                sets.add(new HashSet<>(Arrays.asList(tokens)));
            }
        }
        return sets;
    }

    /** The score the listed entry reached for each probe (0 when it was not a candidate at all). */
    static List<Outcome> run(SanctionsList list, List<Probe> probes) {
        List<Outcome> outcomes = new ArrayList<>(probes.size());
        for (Probe probe : probes) {
            double score = list.screen(probe.query(), FLOOR).stream()
                    .filter(m -> m.entry().entryId().equals(probe.entryId()))
                    .mapToDouble(SanctionsMatch::score).findFirst().orElse(0);
            outcomes.add(new Outcome(probe.variation(), score));
        }
        return outcomes;
    }

    /** The best score any entry reached for each query (0 when none reached the floor). */
    static double[] bestScores(SanctionsList list, List<ScreeningQuery> queries) {
        double[] best = new double[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            best[i] = list.screen(queries.get(i), FLOOR).stream().mapToDouble(SanctionsMatch::score).max().orElse(0);
        }
        return best;
    }

    static double recall(List<Outcome> outcomes, double threshold) {
        return (double) outcomes.stream().filter(o -> o.targetScore() >= threshold).count() / outcomes.size();
    }

    static double flaggedShare(double[] best, double threshold) {
        return (double) Arrays.stream(best).filter(s -> s >= threshold).count() / best.length;
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("excluded")) {
            printExcluded(args.length > 1 ? Double.parseDouble(args[1]) : SanctionsList.DEFAULT_THRESHOLD);
            return;
        }
        if (args.length > 0 && args[0].equals("tune")) {
            tune(args.length > 1 ? Double.parseDouble(args[1]) : SanctionsList.DEFAULT_THRESHOLD);
            return;
        }
        double threshold = args.length > 0 ? Double.parseDouble(args[0]) : SanctionsList.DEFAULT_THRESHOLD;
        SanctionsList list = OfacSample.list();
        List<Probe> heldOutProbes = variations(list).stream().filter(p -> !tuningEntry(p.entryId())).toList();
        List<Outcome> tuningOutcomes = run(list, variations(list).stream().filter(p -> tuningEntry(p.entryId())).toList());
        List<Outcome> outcomes = run(list, heldOutProbes);
        Map<Variation, List<Outcome>> byVariation = new TreeMap<>();
        outcomes.forEach(o -> byVariation.computeIfAbsent(o.variation(), v -> new ArrayList<>()).add(o));
        System.out.printf("Held-out probes (odd entry numbers):%n| Variation | Probes | Found at %.2f |%n|---|---:|---:|%n", threshold);
        byVariation.forEach((v, list1) -> System.out.printf(Locale.ROOT, "| %s | %d | %.1f %% |%n",
                v.description, list1.size(), 100 * recall(list1, threshold)));
        System.out.printf(Locale.ROOT, "| **all variations** | %d | **%.2f %%** |%n", outcomes.size(), 100 * recall(outcomes, threshold));
        List<Outcome> previous = outcomes.stream().filter(o -> o.variation() != Variation.CYRILLIC_FIRST_GIVEN_FIRST_FAMILY).toList();
        System.out.printf(Locale.ROOT, "| all but Cyrillic first + first (the previous release's set) | %d | %.2f %% |%n",
                previous.size(), 100 * recall(previous, threshold));

        Map<String, double[]> ordinary = new LinkedHashMap<>();
        ordinary.put("people, set C (tuning)", bestScores(list, ordinaryPeople(list, GIVEN_C, FAMILY_C)));
        ordinary.put("people, set A tuning", bestScores(list, ordinaryPeople(list, half(GIVEN_A, 0), half(FAMILY_A, 0))));
        ordinary.put("people, set A held out", bestScores(list, ordinaryPeople(list, half(GIVEN_A, 1), half(FAMILY_A, 1))));
        ordinary.put("people, set A all", bestScores(list, ordinaryPeople(list, GIVEN_A, FAMILY_A)));
        ordinary.put("people, set B (held out)", bestScores(list, ordinaryPeople(list, GIVEN_B, FAMILY_B)));
        ordinary.put("businesses", bestScores(list, ordinaryBusinesses(list)));
        System.out.println();
        StringBuilder header = new StringBuilder("| Threshold | Recall, tuning | Recall, held out |");
        ordinary.keySet().forEach(k -> header.append(" Flagged: ").append(k).append(" |"));
        System.out.println(header);
        System.out.println("|---:|---:|---:|" + "---:|".repeat(ordinary.size()));
        for (double t : CURVE) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %.2f | %.2f %% | %.2f %% |", t,
                    100 * recall(tuningOutcomes, t), 100 * recall(outcomes, t)));
            ordinary.values().forEach(best -> row.append(String.format(Locale.ROOT, " %.2f %% |", 100 * flaggedShare(best, t))));
            System.out.println(row);
        }
        ordinary.forEach((k, best) -> System.out.println(k + ": " + best.length + " names"));
        if (args.length > 1) {
            int shown = 0;
            List<Probe> probes = heldOutProbes;
            for (int i = 0; i < outcomes.size() && shown < Integer.parseInt(args[1]); i++) {
                if (outcomes.get(i).targetScore() < threshold) {
                    Probe p = probes.get(i);
                    System.out.println("missed " + p.variation() + " " + p.query().names() + " -> " + p.entryId() + " "
                            + list.entry(p.entryId()).orElseThrow().name() + " score " + outcomes.get(i).targetScore());
                    shown++;
                }
            }
            for (List<ScreeningQuery> qs : List.of(ordinaryPeople(list, GIVEN_A, FAMILY_A), ordinaryPeople(list, GIVEN_B, FAMILY_B))) {
                for (ScreeningQuery q : qs) {
                    List<SanctionsMatch> m = list.screen(q, threshold);
                    if (!m.isEmpty()) System.out.println("flagged " + q.names() + " -> " + m.getFirst().matchedName() + " " + m.getFirst().score() + " " + m.getFirst().contributions());
                }
            }
        }
    }

    /** The ordinary names left out because the recall set asks to find them, with the best score each reaches. */
    static void printExcluded(double threshold) {
        SanctionsList list = OfacSample.list();
        Set<Set<String>> listed = listedWordSets(list, SdnEntry.SdnType.INDIVIDUAL);
        Set<Set<String>> probed = probedWordSets(list);
        Map<String, String[][]> sets = new LinkedHashMap<>();
        sets.put("A", new String[][] {GIVEN_A, FAMILY_A});
        sets.put("B", new String[][] {GIVEN_B, FAMILY_B});
        sets.put("C", new String[][] {GIVEN_C, FAMILY_C});
        sets.forEach((name, words) -> {
            for (String g : words[0]) {
                for (String f : words[1]) {
                    Set<String> query = new HashSet<>(Arrays.asList(NameNormalizer.person(g + " " + f)));
                    if (listed.contains(query) || !probed.contains(query)) continue;
                    List<SanctionsMatch> m = list.screen(ScreeningQuery.person(g, f, null, Set.of()), FLOOR);
                    SanctionsMatch best = m.isEmpty() ? null : m.getFirst();
                    System.out.printf(Locale.ROOT, "set %s %s %s: %s%n", name, g, f, best == null ? "no candidate"
                            : String.format(Locale.ROOT, "%.4f %s %s", best.score(), best.matchedName(),
                                    best.score() >= threshold ? "flagged" : "below the threshold"));
                }
            }
        });
    }

    /** The tuning split alone: even entry numbers and set C. */
    static void tune(double threshold) {
        SanctionsList list = OfacSample.list();
        List<Probe> probes = variations(list).stream().filter(p -> tuningEntry(p.entryId())).toList();
        List<Outcome> outcomes = run(list, probes);
        List<Outcome> previous = outcomes.stream().filter(o -> o.variation() != Variation.CYRILLIC_FIRST_GIVEN_FIRST_FAMILY).toList();
        Map<Variation, List<Outcome>> byVariation = new TreeMap<>();
        outcomes.forEach(o -> byVariation.computeIfAbsent(o.variation(), v -> new ArrayList<>()).add(o));
        List<ScreeningQuery> setC = ordinaryPeople(list, GIVEN_C, FAMILY_C);
        double[] best = bestScores(list, setC);
        System.out.printf(Locale.ROOT, "TUNE recall all %.2f %%, without Cyrillic partial %.2f %%, set C flagged %.2f %% (%d of %d)%n",
                100 * recall(outcomes, threshold), 100 * recall(previous, threshold), 100 * flaggedShare(best, threshold),
                Arrays.stream(best).filter(b -> b >= threshold).count(), best.length);
        byVariation.forEach((v, l) -> System.out.printf(Locale.ROOT, "  %s %.1f %%%n", v, 100 * recall(l, threshold)));
        for (int i = 0; i < setC.size(); i++) {
            if (best[i] < threshold) continue;
            List<SanctionsMatch> m = list.screen(setC.get(i), threshold);
            System.out.println("  flagged " + setC.get(i).names() + " -> " + m.getFirst().matchedName() + " " + m.getFirst().contributions());
        }
    }

    private static Probe person(Variation v, String name, String id) {
        return new Probe(v, new ScreeningQuery(ScreeningQuery.Party.PERSON, List.of(name), null, Set.of()), id);
    }

    private static Probe business(Variation v, String name, String id) {
        return new Probe(v, ScreeningQuery.business(List.of(name), Set.of()), id);
    }

    /** "LAST NAMES, Given Names" with both parts present. */
    private record Person(String family, String given) {
        static Person of(String listed) {
            int comma = listed.indexOf(',');
            if (comma <= 0) return null;
            String family = listed.substring(0, comma).strip();
            String given = listed.substring(comma + 1).strip().replaceFirst("^(?:(?:Dr|Mr|Mrs|Prof|Sheikh)\\.\\s*)+", "");
            return family.isEmpty() || given.isEmpty() ? null : new Person(family, given);
        }
    }

    private static String firstSignificant(String family) {
        for (String word : family.split("[\\s-]+")) {
            String folded = word.toLowerCase(Locale.ROOT);
            if (!NameNormalizer.PARTICLES.contains(folded) && !folded.isEmpty()) return word;
        }
        return null;
    }

    private static String accented(String name) {
        return name.replace('A', 'Á').replace('E', 'É').replace('O', 'Ö').replace('a', 'á').replace('e', 'é').replace('o', 'ö');
    }

    /** One letter replaced inside the longest word (not its first or last letter); null when no word is long enough. */
    static String withReplacedLetter(String name, Random random) {
        String[] words = name.split("(?<=[ -])|(?=[ -])");
        int longest = longestWord(words);
        String word = words[longest];
        if (word.length() < 4) return null;
        int at = 1 + random.nextInt(word.length() - 2);
        char original = word.charAt(at);
        if (!Character.isLetter(original)) return null;
        char replacement = (char) ('a' + random.nextInt(26));
        if (Character.toLowerCase(original) == replacement) replacement = replacement == 'z' ? 'a' : (char) (replacement + 1);
        if (Character.isUpperCase(original)) replacement = Character.toUpperCase(replacement);
        words[longest] = word.substring(0, at) + replacement + word.substring(at + 1);
        return String.join("", words);
    }

    static String withTransposition(String name) {
        String[] words = name.split("(?<=[ -])|(?=[ -])");
        int longest = longestWord(words);
        String word = words[longest];
        if (word.length() < 4) return null;
        int at = word.length() / 2;
        if (word.charAt(at) == word.charAt(at - 1) || !Character.isLetter(word.charAt(at)) || !Character.isLetter(word.charAt(at - 1))) return null;
        words[longest] = word.substring(0, at - 1) + word.charAt(at) + word.charAt(at - 1) + word.substring(at + 1);
        return String.join("", words);
    }

    private static int longestWord(String[] words) {
        int longest = 0;
        for (int i = 1; i < words.length; i++) if (words[i].length() > words[longest].length()) longest = i;
        return longest;
    }
}
