package dev.akepa;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations as operators write them: 5y (365-day years), 1h, 30m, 45s, 500ms, 0, or ISO-8601 (PT1H). */
public final class Durations {
    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d|y)");

    private Durations() {}

    public static Duration parse(String text) {
        String value = text.trim().toLowerCase();
        if (value.equals("0")) return Duration.ZERO;
        if (value.startsWith("pt") || value.startsWith("p")) return Duration.parse(text.trim().toUpperCase());
        Matcher m = SIMPLE.matcher(value);
        if (!m.matches()) throw new IllegalArgumentException("not a duration: " + text + " (use e.g. 1h, 30m, 45s, 500ms)");
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "y" -> Duration.ofDays(365 * n);
            default -> Duration.ofDays(n);
        };
    }
}
