package dev.akepa.verification.screening;

import java.util.Optional;

/** The list version this node screens against right now; empty until one has been imported and indexed. */
public interface CurrentList {

    Optional<ListIndex> current();

    /** One list version, indexed. */
    record ListIndex(long version, SanctionsList list) {}

    /** A list that never changes (tests, benchmarks). */
    static CurrentList fixed(long version, SanctionsList list) {
        Optional<ListIndex> index = Optional.of(new ListIndex(version, list));
        return () -> index;
    }
}
