package dev.akepa.kyc;

/**
 * One committed change of an application, handed to listeners inside the same database transaction.
 *
 * @param before     null when the application was just created
 * @param actor      who caused it: "partner:&lt;login&gt;", "reviewer:&lt;login&gt;" or "system"
 * @param trigger    what happened: identification, verification, documents, review, sandbox-review
 * @param reason     why, in words (verification reasons, a reviewer's reason); may be empty
 */
public record ApplicationChange(long partnerId, String customerReference, String webhookUrl,
                                ApplicationView before, ApplicationView after,
                                String actor, String trigger, String reason, long atMillis) {}
