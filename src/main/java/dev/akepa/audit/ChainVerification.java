package dev.akepa.audit;

/** The outcome of checking the audit chain. */
public sealed interface ChainVerification {

    /** Every row links to the one before it and matches its hash; the head points at the last row. */
    record Intact(long rows, String headHash) implements ChainVerification {}

    /** The first row (by id) where the chain breaks, and how. */
    record Broken(long rowId, String problem) implements ChainVerification {}
}
