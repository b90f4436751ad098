package dev.akepa.verification;

import java.util.List;

/**
 * Decides what an entity needs: at identification ({@link #verify}) and once documents are attached
 * ({@link #checkDocuments}). Sandbox triggers are one implementation; data checks and sanctions screening another.
 * Implementations are pure with respect to Akepa's storage: they read the subject, never the database.
 */
public interface VerificationProvider {

    Verdict verify(Subject subject);

    /** Called only once the attached documents satisfy step-up (see kyc.StepUpRequirement). */
    Verdict checkDocuments(Subject subject, List<AttachedDocument> documents);
}
