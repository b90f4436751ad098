package dev.akepa.kyc;

/** An application read for a reviewer, with the login of the partner it belongs to (shown as aggregatorId). */
public record ApplicationForReview(Application application, String aggregatorId) {}
