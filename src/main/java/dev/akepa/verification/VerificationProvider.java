package dev.akepa.verification;

import java.util.List;

/**
 * Decides what an entity needs: at identification ({@link #verify}), once documents are attached for step-up
 * ({@link #checkDocuments}) and when documents answer a data request ({@link #checkDataRequestDocuments}). Sandbox triggers are one implementation; data checks and sanctions screening another.
 * Implementations are pure with respect to Akepa's storage: they read the subject, never the database.
 */
public interface VerificationProvider {

    Verdict verify(Subject subject);

    /** Called only once the attached documents satisfy step-up (see kyc.StepUpRequirement). */
    Verdict checkDocuments(Subject subject, List<AttachedDocument> documents);

    /**
     * Called when /akepa/update links documents to an entity in data_request; {@code documents} are all those
     * attached to the entity so far. The choice between storing them only and sending them to a human is the
     * mode's, like every other verdict.
     */
    DataRequestVerdict checkDataRequestDocuments(Subject subject, List<AttachedDocument> documents);
}
