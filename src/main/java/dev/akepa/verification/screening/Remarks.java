package dev.akepa.verification.screening;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the corroborating facts out of an SDN entry's free-text remarks, which are ";"-separated statements such as
 * {@code DOB 19 Jun 1951; alt. DOB 1952; POB Giza, Egypt; nationality Egypt}. Statements it does not know are ignored.
 */
final class Remarks {
    private static final Pattern BIRTH_DATE = Pattern.compile("^(?:alt\\. )?DOB (.+)$");
    private static final Pattern NATIONALITY = Pattern.compile("^(?:alt\\. )?(?:nationality|citizen) (.+)$");
    private static final Pattern BIRTH_PLACE = Pattern.compile("^(?:alt\\. )?POB (.+)$");
    private static final Pattern CIRCA_YEARS = Pattern.compile("^circa (\\d{4})(?:-(\\d{4}))?$");
    private static final Pattern DAY = Pattern.compile("^(\\d{1,2}) ([A-Z][a-z]{2}) (\\d{4})$");
    private static final Pattern MONTH = Pattern.compile("^([A-Z][a-z]{2}) (\\d{4})$");
    private static final Pattern YEAR = Pattern.compile("^(\\d{4})$");
    /** OFAC's weak aliases sit in the remarks, quoted: {@code a.k.a. 'BNC'}; f.k.a. and n.k.a. likewise. */
    private static final Pattern WEAK_ALIAS = Pattern.compile("(?:a\\.k\\.a\\.|f\\.k\\.a\\.|n\\.k\\.a\\.) '([^']+)'");
    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private final List<DateSpan> birthDates = new ArrayList<>();
    private final Set<String> countries = new LinkedHashSet<>();
    private final List<String> weakAliases = new ArrayList<>();

    private Remarks() {}

    static Remarks parse(String remarks) {
        Remarks parsed = new Remarks();
        Matcher weak = WEAK_ALIAS.matcher(remarks);
        while (weak.find()) {
            String alias = weak.group(1).strip();
            if (!alias.isEmpty() && !parsed.weakAliases.contains(alias)) parsed.weakAliases.add(alias);
        }
        for (String statement : remarks.split(";")) {
            String text = statement.strip();
            if (text.endsWith(".")) text = text.substring(0, text.length() - 1).strip();
            parsed.read(text);
        }
        return parsed;
    }

    List<DateSpan> birthDates() {
        return birthDates;
    }

    Set<String> countries() {
        return countries;
    }

    List<String> weakAliases() {
        return weakAliases;
    }

    private void read(String statement) {
        Matcher m;
        if ((m = BIRTH_DATE.matcher(statement)).matches()) {
            birthSpan(m.group(1)).ifPresent(birthDates::add);
        } else if ((m = NATIONALITY.matcher(statement)).matches()) {
            CountryNames.alpha3(m.group(1)).ifPresent(countries::add);
        } else if ((m = BIRTH_PLACE.matcher(statement)).matches()) {
            String place = m.group(1);
            String country = place.substring(place.lastIndexOf(',') + 1);
            CountryNames.alpha3(country).ifPresent(countries::add);
        }
    }

    /** "10 Dec 1948", "Dec 1948", "1948", "circa 1948" (±1 year), "circa 1979-1982", or "X to Y" of those. */
    static Optional<DateSpan> birthSpan(String text) {
        Matcher circa = CIRCA_YEARS.matcher(text);
        if (circa.matches()) {
            int from = Integer.parseInt(circa.group(1));
            int to = circa.group(2) == null ? from : Integer.parseInt(circa.group(2));
            return span(LocalDate.of(from - 1, 1, 1), LocalDate.of(to + 1, 12, 31));
        }
        int to = text.indexOf(" to ");
        if (to > 0) {
            Optional<DateSpan> start = point(text.substring(0, to).strip());
            Optional<DateSpan> end = point(text.substring(to + 4).strip());
            if (start.isEmpty() || end.isEmpty()) return Optional.empty();
            return span(start.get().first(), end.get().last());
        }
        return point(text);
    }

    private static Optional<DateSpan> point(String text) {
        try {
            Matcher m;
            if ((m = DAY.matcher(text)).matches()) {
                LocalDate day = LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)));
                return span(day, day);
            }
            if ((m = MONTH.matcher(text)).matches()) {
                YearMonth month = YearMonth.of(Integer.parseInt(m.group(2)), month(m.group(1)));
                return span(month.atDay(1), month.atEndOfMonth());
            }
            if ((m = YEAR.matcher(text)).matches()) {
                int year = Integer.parseInt(m.group(1));
                return span(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
        } catch (java.time.DateTimeException | IllegalArgumentException impossibleDate) {
            // "31 Feb 1960" or an unknown month: no usable evidence rather than a failed load.
        }
        return Optional.empty();
    }

    private static int month(String abbreviation) {
        int index = MONTHS.indexOf(abbreviation.toLowerCase(Locale.ROOT));
        if (index < 0) throw new IllegalArgumentException("unknown month " + abbreviation);
        return index + 1;
    }

    private static Optional<DateSpan> span(LocalDate first, LocalDate last) {
        return last.isBefore(first) ? Optional.empty() : Optional.of(new DateSpan(first, last));
    }
}
