package dev.akepa.audit;

/** The outcome of checking the audit chain. */
public sealed interface ChainVerification {

    /** Every row links to the one before it and matches its hash; each head points at its chain's last row. The seal
     * is one hash over all heads, to keep outside the database (docs/review.md). */
    record Intact(long rows, String seal) implements ChainVerification {}

    /** The first row (by id) where the chain breaks, and how. */
    record Broken(long rowId, String problem) implements ChainVerification {}
}
