package dev.akepa.verification.screening;

import java.util.List;

/** One entity screened against one list version: the evidence a reviewer and an auditor read. */
public record Screening(long listVersion, long screenedAtMillis, List<SanctionsMatch> matches) {

    public Screening {
        matches = List.copyOf(matches);
    }
}
