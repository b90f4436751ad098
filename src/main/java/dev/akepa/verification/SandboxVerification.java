package dev.akepa.verification;

import java.util.List;

/** The page's sandbox triggers (placeholder until the verification branch lands). */
public final class SandboxVerification implements VerificationProvider {
    @Override
    public Verdict verify(Subject subject) {
        return switch (subject) {
            case Subject.Person p when "Denied".equals(p.lastName()) -> Verdict.of(Verdict.Decision.DENY, "sandbox trigger lastName Denied");
            case Subject.Person p -> Verdict.of(Verdict.Decision.STEP_UP, "identity documents required");
            case Subject.Business b when b.addresses().stream()
                    .anyMatch(a -> "PRIMARY".equals(a.type()) && "00000".equals(a.postalCode())) ->
                    Verdict.of(Verdict.Decision.REVIEW, "sandbox trigger primary postalCode 00000");
            case Subject.Business b -> Verdict.of(Verdict.Decision.APPROVE, "business verified");
        };
    }

    @Override
    public Verdict checkDocuments(Subject subject, List<AttachedDocument> documents) {
        if (subject instanceof Subject.Person p && "WaitReview".equals(p.lastName())) {
            return Verdict.of(Verdict.Decision.REVIEW, "sandbox trigger lastName WaitReview");
        }
        return Verdict.of(Verdict.Decision.APPROVE, "documents verified");
    }
}
