package dev.akepa.verification.screening;

/**
 * Jaro-Winkler similarity of two tokens, 0 (nothing in common) to 1 (equal).
 *
 * <p>Jaro counts the characters the two strings share within a window of half the longer length, and how many
 * of those appear in a different order; Winkler adds a bonus for a common prefix (up to four characters), since
 * names are misspelled more often at the end than at the start. The bonus applies only above a Jaro of 0.7, so
 * unrelated strings that happen to start alike stay low.
 */
final class JaroWinkler {
    private static final double PREFIX_SCALE = 0.1;
    private static final int MAX_PREFIX = 4;
    private static final double BONUS_THRESHOLD = 0.7;

    private JaroWinkler() {}

    static double similarity(String a, String b) {
        double jaro = jaro(a, b);
        if (jaro <= BONUS_THRESHOLD) return jaro;
        int prefix = 0;
        int limit = Math.min(MAX_PREFIX, Math.min(a.length(), b.length()));
        while (prefix < limit && a.charAt(prefix) == b.charAt(prefix)) prefix++;
        return jaro + prefix * PREFIX_SCALE * (1 - jaro);
    }

    static double jaro(String a, String b) {
        if (a.equals(b)) return a.isEmpty() ? 0 : 1;
        int lengthA = a.length();
        int lengthB = b.length();
        if (lengthA == 0 || lengthB == 0) return 0;
        int window = Math.max(0, Math.max(lengthA, lengthB) / 2 - 1);
        boolean[] usedA = new boolean[lengthA];
        boolean[] usedB = new boolean[lengthB];
        int matches = 0;
        for (int i = 0; i < lengthA; i++) {
            char c = a.charAt(i);
            int to = Math.min(lengthB - 1, i + window);
            for (int j = Math.max(0, i - window); j <= to; j++) {
                if (!usedB[j] && b.charAt(j) == c) {
                    usedA[i] = true;
                    usedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) return 0;
        // Walk both strings' matched characters in order; each position where they differ is half a transposition.
        int outOfOrder = 0;
        int j = 0;
        for (int i = 0; i < lengthA; i++) {
            if (!usedA[i]) continue;
            while (!usedB[j]) j++;
            if (a.charAt(i) != b.charAt(j)) outOfOrder++;
            j++;
        }
        double m = matches;
        return (m / lengthA + m / lengthB + (m - outOfOrder / 2.0) / m) / 3;
    }
}
