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

    /** A human (reviewer, review API or sandbox review) decided. */
    record Decided(EntityOutcome outcome) implements KycEvent {}
}
