package dev.akepa.verification;

import dev.akepa.verification.Verdict.Decision;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The API page's sandbox table and the default path of decisions.md. */
class SandboxVerificationTest {
    private static final List<AttachedDocument> LICENSE = List.of(
            new AttachedDocument("doc_front", "license", "front", "a".repeat(64)),
            new AttachedDocument("doc_back", "license", "back", "b".repeat(64)));
    private final SandboxVerification sandbox = new SandboxVerification();

    @Test
    void lastNameDeniedIsDeniedAtIdentification() {
        assertThat(sandbox.verify(Subjects.person("Jane", "Denied")).decision()).isEqualTo(Decision.DENY);
    }

    @Test
    void aRepresentativeNamedDeniedIsDeniedToo() {
        Subject.Person representative = new Subject.Person("rep_1", false, "Jane", "Denied", "1980-05-17", "USA",
                List.of(Subjects.NEW_YORK), List.of(), Subject.Contact.NONE);

        assertThat(sandbox.verify(representative).decision()).isEqualTo(Decision.DENY);
    }

    @Test
    void lastNameWaitReviewNeedsDocumentsThenWaitsForReview() {
        Subject.Person person = Subjects.person("Jane", "WaitReview");

        assertThat(sandbox.verify(person).decision()).isEqualTo(Decision.STEP_UP);
        assertThat(sandbox.checkDocuments(person, LICENSE).decision()).isEqualTo(Decision.REVIEW);
    }

    @Test
    void anyOtherPersonNeedsDocumentsThenIsApproved() {
        Subject.Person person = Subjects.person("Jane", "Doe");

        assertThat(sandbox.verify(person).decision()).isEqualTo(Decision.STEP_UP);
        Verdict afterDocuments = sandbox.checkDocuments(person, LICENSE);
        assertThat(afterDocuments.decision()).isEqualTo(Decision.APPROVE);
        assertThat(afterDocuments.reasons()).containsExactly("documents verified");
    }

    @Test
    void documentsAnsweringADataRequestChangeNothing() {
        assertThat(sandbox.checkDataRequestDocuments(Subjects.person("Jane", "WaitReview"), LICENSE))
                .isEqualTo(new DataRequestVerdict.Unchanged());
        assertThat(new DataRequestVerdict.Unchanged().reasons()).isEmpty();
    }

    @Test
    void triggersAreCaseSensitive() {
        assertThat(sandbox.verify(Subjects.person("Jane", "denied")).decision()).isEqualTo(Decision.STEP_UP);
        assertThat(sandbox.verify(Subjects.person("Jane", "DENIED")).decision()).isEqualTo(Decision.STEP_UP);
        assertThat(sandbox.checkDocuments(Subjects.person("Jane", "waitreview"), LICENSE).decision()).isEqualTo(Decision.APPROVE);
    }

    @Test
    void businessWithPrimaryPostalCodeZerosWaitsForReview() {
        Subject.Business business = Subjects.business("2010-03-01", Subjects.usAddress("00000"), Subjects.FEIN);

        Verdict verdict = sandbox.verify(business);
        assertThat(verdict.decision()).isEqualTo(Decision.REVIEW);
        assertThat(verdict.reasons()).containsExactly("sandbox trigger: PRIMARY address postalCode \"00000\"");
    }

    @Test
    void postalCodeZerosOnANonPrimaryAddressIsNoTrigger() {
        Subject.Business business = Subjects.business("2010-03-01", Subjects.address("MAILING", "00000", "USA"), Subjects.FEIN);

        assertThat(sandbox.verify(business).decision()).isEqualTo(Decision.APPROVE);
    }

    @Test
    void anyOtherBusinessIsApproved() {
        assertThat(sandbox.verify(Subjects.business("Acme Widgets LLC", null)).decision()).isEqualTo(Decision.APPROVE);
    }
}
