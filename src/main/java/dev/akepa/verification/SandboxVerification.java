package dev.akepa.verification;

import dev.akepa.verification.Verdict.Decision;

import java.util.List;

/**
 * Sandbox mode: the outcomes the API page's "Testing KYC/KYB in the Sandbox" table promises, plus the default path
 * from decisions.md. Values are compared exactly (case-sensitive), as an integrator copies them from the page.
 *
 * <table>
 *   <caption>Sandbox outcomes</caption>
 *   <tr><th>Subject</th><th>Trigger</th><th>At identification</th><th>Once documents are attached</th></tr>
 *   <tr><td>person</td><td>lastName "Denied"</td><td>DENY</td><td>—</td></tr>
 *   <tr><td>person</td><td>lastName "WaitReview"</td><td>STEP_UP</td><td>REVIEW</td></tr>
 *   <tr><td>person</td><td>none</td><td>STEP_UP</td><td>APPROVE</td></tr>
 *   <tr><td>business</td><td>PRIMARY address postalCode "00000"</td><td>REVIEW</td><td>—</td></tr>
 *   <tr><td>business</td><td>none</td><td>APPROVE</td><td>—</td></tr>
 * </table>
 * A person is an individual customer or a business representative; the rows apply to both. Documents linked to
 * an entity in data_request change nothing here.
 */
final class SandboxVerification implements VerificationProvider {
    static final String DENIED = "Denied";
    static final String WAIT_REVIEW = "WaitReview";
    static final String REVIEW_POSTAL_CODE = "00000";

    @Override
    public Verdict verify(Subject subject) {
        return switch (subject) {
            case Subject.Person p when DENIED.equals(p.lastName()) ->
                    Verdict.of(Decision.DENY, "sandbox trigger: lastName \"Denied\"");
            case Subject.Person p when WAIT_REVIEW.equals(p.lastName()) -> Verdict.of(Decision.STEP_UP,
                    "sandbox trigger: lastName \"WaitReview\" (waiting_review once documents are attached)");
            case Subject.Person p -> Verdict.of(Decision.STEP_UP, "sandbox: identity documents required");
            case Subject.Business b when hasReviewPostalCode(b) ->
                    Verdict.of(Decision.REVIEW, "sandbox trigger: PRIMARY address postalCode \"00000\"");
            case Subject.Business b -> Verdict.of(Decision.APPROVE, "sandbox: business approved");
        };
    }

    @Override
    public Verdict checkDocuments(Subject subject, List<AttachedDocument> documents) {
        if (subject instanceof Subject.Person p && WAIT_REVIEW.equals(p.lastName())) {
            return Verdict.of(Decision.REVIEW, "sandbox trigger: lastName \"WaitReview\"");
        }
        return Verdict.of(Decision.APPROVE, "documents verified");
    }

    /**
     * The sandbox never asks for data, but an entity may still be in data_request (a database that served
     * production mode): documents are stored and nothing changes, as rulings.md says.
     */
    @Override
    public DataRequestVerdict checkDataRequestDocuments(Subject subject, List<AttachedDocument> documents) {
        return new DataRequestVerdict.Unchanged();
    }

    private static boolean hasReviewPostalCode(Subject.Business business) {
        return business.addresses() != null && business.addresses().stream()
                .anyMatch(a -> "PRIMARY".equals(a.type()) && REVIEW_POSTAL_CODE.equals(a.postalCode()));
    }
}
