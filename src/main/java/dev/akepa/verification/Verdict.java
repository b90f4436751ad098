package dev.akepa.verification;

import java.util.List;

/**
 * What verification concluded for one entity, with the reasons a reviewer or auditor will read.
 *
 * @param screening the sanctions screening it was decided on, stored as evidence; null when none ran (sandbox)
 */
public record Verdict(Decision decision, List<String> reasons, dev.akepa.verification.screening.Screening screening) {

    public Verdict(Decision decision, List<String> reasons) {
        this(decision, reasons, null);
    }

    public enum Decision {
        /** The entity passes: completed / approved. */
        APPROVE,
        /** The entity fails: completed / denied. */
        DENY,
        /** A human must decide: waiting_review. */
        REVIEW,
        /** Identity documents are required: pending_step_up. */
        STEP_UP,
        /** More data is required: data_request. */
        DATA_REQUEST
    }

    public Verdict {
        reasons = List.copyOf(reasons);
    }

    public static Verdict of(Decision decision, String... reasons) {
        return new Verdict(decision, List.of(reasons));
    }
}
