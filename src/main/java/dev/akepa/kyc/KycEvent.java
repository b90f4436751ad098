package dev.akepa.kyc;

import dev.akepa.verification.DataRequestVerdict;
import dev.akepa.verification.Verdict;

/** What can happen to one entity. */
sealed interface KycEvent {

    /** Verification at identification (or in the background for syncMode true). */
    record Verified(Verdict verdict) implements KycEvent {}

    /** The attached documents satisfied step-up and were checked. */
    record DocumentsChecked(Verdict verdict) implements KycEvent {}

    /** Documents were linked to an entity in data_request and verification said what they lead to. */
    record DataRequestDocumentsChecked(DataRequestVerdict verdict) implements KycEvent {}

    /**
     * A reviewer asked the customer for something new instead of deciding: new identity documents
     * ({@code PENDING_STEP_UP}) or corrected data with documents ({@code DATA_REQUEST}); see docs/rulings.md.
     */
    record DocumentsRequested(EntityStatus to) implements KycEvent {
        public DocumentsRequested {
            if (to != EntityStatus.PENDING_STEP_UP && to != EntityStatus.DATA_REQUEST) {
                throw new IllegalArgumentException("documents are requested into pending_step_up or data_request, not " + to.wire());
            }
        }
    }

    /** A human (reviewer, review API or sandbox review) decided. */
    record Decided(EntityOutcome outcome) implements KycEvent {}
}
