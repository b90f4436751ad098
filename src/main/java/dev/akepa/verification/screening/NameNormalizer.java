package dev.akepa.verification.screening;

import com.ibm.icu.text.Transliterator;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a name into comparable tokens, the same way for list entries and for customers:
 * other scripts transliterated to Latin (ICU's Any-Latin: "Николас Мадуро" → "nikolas maduro"),
 * accents folded ("Müller" → "muller"), lower case, periods and apostrophes dropped ("S.A." → "sa",
 * "O'Neil" → "oneil"), every other punctuation mark a separator ("AL-ZAWAHIRI" → "al zawahiri").
 * Person names lose honorifics and generational suffixes and are put in given-name-first order
 * (the SDN list writes individuals as "LAST, First"); business names lose legal forms (see {@link LegalForms}).
 */
final class NameNormalizer {
    /** Titles and generational suffixes: they say nothing about who a person is. */
    private static final Set<String> PERSON_NOISE = Set.of(
            "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev", "hon",
            "jr", "sr", "ii", "iii", "iv");
    /** Connecting words in business names that vary between registrations of the same company. */
    private static final Set<String> BUSINESS_NOISE = Set.of("the", "and");

    /**
     * Words that join a name rather than tell it apart ("al", "bin", "de", "van"): they count for nothing when a
     * name is compared, so "Ayman Zawahiri" is "Ayman al-Zawahiri" and "Bank of Cuba" is "Bank Cuba".
     */
    static final Set<String> PARTICLES = Set.of(
            "al", "el", "bin", "ibn", "bint", "ben", "ould", "de", "del", "la", "le", "da", "das", "do", "dos", "du",
            "di", "van", "von", "der", "den", "y", "of", "for", "e");
    /**
     * ICU's transliteration: any script to Latin, then Latin to ASCII (which also spells out ß, æ, ł, þ…).
     * Instances are not documented as thread-safe, so the one instance is used under a lock; only names with a
     * character outside ASCII reach it.
     */
    private static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII");

    private NameNormalizer() {}

    /** A listed individual "LAST, First Middle": its given names, then its family names. */
    record ListedPerson(String[] tokens, int familyFrom) {}

    /**
     * A listed individual: "LAST, First Middle" becomes first middle last; {@code familyFrom} is where the family
     * names start, or -1 when the name has no comma (no known structure).
     */
    static ListedPerson listedPerson(String name) {
        int comma = name.indexOf(',');
        if (comma < 0) return new ListedPerson(person(name), -1);
        List<String> family = withoutNoise(plainTokens(name.substring(0, comma)), PERSON_NOISE);
        List<String> given = withoutNoise(plainTokens(name.substring(comma + 1)), PERSON_NOISE);
        List<String> all = new ArrayList<>(given);
        all.addAll(family);
        boolean structured = !given.isEmpty() && !family.isEmpty();
        return new ListedPerson(all.toArray(String[]::new), structured ? given.size() : -1);
    }

    /** A customer or representative: given and family names in any order, no comma convention. */
    static String[] person(String name) {
        return withoutNoise(plainTokens(name), PERSON_NOISE).toArray(String[]::new);
    }

    static String[] business(String name) {
        List<String> tokens = withoutNoise(plainTokens(name), BUSINESS_NOISE);
        return LegalForms.strip(tokens).toArray(String[]::new);
    }

    /** Folded, lower-case tokens of a name, punctuation removed. */
    static List<String> plainTokens(String text) {
        String folded = fold(nullToEmpty(text));
        StringBuilder cleaned = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                cleaned.append(c);
            } else if (c != '.' && c != '\'' && c != '’' && c != '`' && c != 'ʼ') {
                cleaned.append(' ');
            }
        }
        String joined = cleaned.toString().strip();
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(" +"));
    }

    /** Accents removed and the few Latin letters that do not decompose spelled out; lower case. */
    private static String fold(String text) {
        if (!isAscii(text)) {
            synchronized (TO_ASCII) {
                text = TO_ASCII.transliterate(text);
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder spelled = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            switch (c) {
                case 'ß' -> spelled.append("ss");
                case 'æ' -> spelled.append("ae");
                case 'œ' -> spelled.append("oe");
                case 'ø' -> spelled.append('o');
                case 'ł' -> spelled.append('l');
                case 'đ', 'ð' -> spelled.append('d');
                case 'þ' -> spelled.append("th");
                case 'ı' -> spelled.append('i');
                default -> spelled.append(c);
            }
        }
        return Normalizer.normalize(spelled, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    }

    /** Drops noise words, unless that would leave nothing (a company called "The And" is still screened). */
    private static List<String> withoutNoise(List<String> tokens, Set<String> noise) {
        List<String> kept = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            if (!noise.contains(token)) kept.add(token);
        }
        return kept.isEmpty() ? tokens : kept;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) return false;
        }
        return true;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
