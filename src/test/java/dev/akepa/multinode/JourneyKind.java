package dev.akepa.multinode;

/**
 * The kinds of journey the multi-node test mixes, each with the sandbox trigger that drives it and where it must
 * end. {@code changes} is the application's final version, which counts its stored states: created (1), verified
 * (+1, in the request or by a background worker), documents checked (+1), reviewed (+1). A verification that ran
 * twice with effect, or any other step applied twice, would show as a higher number.
 */
enum JourneyKind {
    APPROVED("Smith", false, false, null, "pending_step_up", "Approved", 3),
    ASYNC_APPROVED("Smith", false, true, null, "pending_step_up", "Approved", 3),
    ASYNC_DENIED("Denied", false, true, null, "completed", "Denied", 2),
    DENIED("Denied", false, false, null, "completed", "Denied", 2),
    REVIEWED_APPROVED("WaitReview", false, false, "approved", "pending_step_up", "Approved", 4),
    REVIEWED_DENIED("WaitReview", false, false, "denied", "pending_step_up", "Denied", 4),
    BUSINESS("Smith", true, false, null, "pending_step_up", "Approved", 3);

    /** Ten journeys in this proportion repeat until the run is complete. */
    static final JourneyKind[] MIX = {APPROVED, ASYNC_APPROVED, REVIEWED_APPROVED, APPROVED, BUSINESS,
            DENIED, ASYNC_APPROVED, ASYNC_DENIED, REVIEWED_DENIED, BUSINESS};

    final String lastName;
    final boolean business;
    final boolean async;
    /** Null unless the journey waits for review after its documents; then the sandbox decision. */
    final String review;
    /** Journey status once identification (and, for async journeys, background verification) is done. */
    final String afterVerification;
    final String outcome;
    final int changes;

    JourneyKind(String lastName, boolean business, boolean async, String review, String afterVerification,
                String outcome, int changes) {
        this.lastName = lastName;
        this.business = business;
        this.async = async;
        this.review = review;
        this.afterVerification = afterVerification;
        this.outcome = outcome;
        this.changes = changes;
    }

    boolean deniedAtVerification() {
        return afterVerification.equals("completed");
    }

    String kycStatus() {
        return outcome.equals("Approved") ? "APPROVED" : "DECLINED";
    }
}
