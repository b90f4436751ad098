package dev.akepa.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The wire's time format: ISO-8601 UTC with exactly three fraction digits, e.g. 2023-03-02T15:06:48.511Z. */
public final class Times {
    private static final DateTimeFormatter WIRE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {}

    public static String format(Instant instant) {
        return instant == null ? null : WIRE.format(instant);
    }

    /** Database timestamps keep milliseconds only, so values read back compare equal to values written. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
