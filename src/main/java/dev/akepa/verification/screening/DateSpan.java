package dev.akepa.verification.screening;

import java.time.LocalDate;

/** The inclusive range of days a listed date of birth allows: one day, a month, a year, or "1958 to 1962". */
record DateSpan(LocalDate first, LocalDate last) {

    public DateSpan {
        if (last.isBefore(first)) throw new IllegalArgumentException("span ends before it starts: " + first + ".." + last);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }
}
