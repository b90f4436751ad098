package dev.akepa.kyc;

import dev.akepa.verification.AttachedDocument;
import dev.akepa.verification.DataRequestVerdict;
import dev.akepa.verification.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KycMachineTest {
    static EntityState entity(EntityStatus status, EntityOutcome outcome) {
        return new EntityState("e", true, EntityKind.INDIVIDUAL, status, outcome);
    }

    static final EntityState RUNNING = entity(EntityStatus.RUNNING, null);

    @Test
    void verificationMovesARunningEntityToTheVerdictsStatus() {
        assertThat(KycMachine.apply(RUNNING, new KycEvent.Verified(Verdict.of(Verdict.Decision.APPROVE))))
                .isEqualTo(entity(EntityStatus.COMPLETED, EntityOutcome.APPROVED));
        assertThat(KycMachine.apply(RUNNING, new KycEvent.Verified(Verdict.of(Verdict.Decision.DENY))))
                .isEqualTo(entity(EntityStatus.COMPLETED, EntityOutcome.DENIED));
        assertThat(KycMachine.apply(RUNNING, new KycEvent.Verified(Verdict.of(Verdict.Decision.REVIEW))).status())
                .isEqualTo(EntityStatus.WAITING_REVIEW);
        assertThat(KycMachine.apply(RUNNING, new KycEvent.Verified(Verdict.of(Verdict.Decision.STEP_UP))).status())
                .isEqualTo(EntityStatus.PENDING_STEP_UP);
        assertThat(KycMachine.apply(RUNNING, new KycEvent.Verified(Verdict.of(Verdict.Decision.DATA_REQUEST))).status())
                .isEqualTo(EntityStatus.DATA_REQUEST);
    }

    @Test
    void documentsNeverAskForMoreDocuments() {
        EntityState pending = entity(EntityStatus.PENDING_STEP_UP, null);
        assertThat(KycMachine.apply(pending, new KycEvent.DocumentsChecked(Verdict.of(Verdict.Decision.STEP_UP))).status())
                .isEqualTo(EntityStatus.WAITING_REVIEW);
    }

    @Test
    void documentsAnsweringADataRequestGoToAHumanOrChangeNothing() {
        EntityState data = entity(EntityStatus.DATA_REQUEST, null);
        assertThat(KycMachine.apply(data, new KycEvent.DataRequestDocumentsChecked(
                new DataRequestVerdict.Review(List.of("compare with the documents: applicant is under 18")))))
                .isEqualTo(entity(EntityStatus.WAITING_REVIEW, null));
        assertThat(KycMachine.apply(data, new KycEvent.DataRequestDocumentsChecked(new DataRequestVerdict.Unchanged())))
                .isEqualTo(data);
    }

    @Test
    void onlyADataRequestTakesDocumentsAnsweringOne() {
        var event = new KycEvent.DataRequestDocumentsChecked(new DataRequestVerdict.Review(List.of("r")));
        for (EntityStatus status : EntityStatus.values()) {
            EntityState entity = entity(status, status == EntityStatus.COMPLETED ? EntityOutcome.APPROVED : null);
            assertThat(KycMachine.accepts(entity, KycEvent.DataRequestDocumentsChecked.class))
                    .as(status.wire()).isEqualTo(status == EntityStatus.DATA_REQUEST);
            if (status != EntityStatus.DATA_REQUEST) {
                assertThatThrownBy(() -> KycMachine.apply(entity, event)).isInstanceOf(IllegalTransition.class);
            }
        }
    }

    @Test
    void onlyAWaitingReviewEntityCanBeSentBackForDocuments() {
        for (EntityStatus to : List.of(EntityStatus.PENDING_STEP_UP, EntityStatus.DATA_REQUEST)) {
            var event = new KycEvent.DocumentsRequested(to);
            for (EntityStatus status : EntityStatus.values()) {
                EntityState entity = entity(status, status == EntityStatus.COMPLETED ? EntityOutcome.DENIED : null);
                assertThat(KycMachine.accepts(entity, KycEvent.DocumentsRequested.class))
                        .as(status.wire()).isEqualTo(status == EntityStatus.WAITING_REVIEW);
                if (status == EntityStatus.WAITING_REVIEW) {
                    assertThat(KycMachine.apply(entity, event)).isEqualTo(entity(to, null));
                } else {
                    assertThatThrownBy(() -> KycMachine.apply(entity, event)).isInstanceOf(IllegalTransition.class);
                }
            }
        }
    }

    @Test
    void documentsAreRequestedOnlyIntoStepUpOrADataRequest() {
        for (EntityStatus to : EntityStatus.values()) {
            if (to == EntityStatus.PENDING_STEP_UP || to == EntityStatus.DATA_REQUEST) continue;
            assertThatThrownBy(() -> new KycEvent.DocumentsRequested(to)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void everyStatusAcceptsExactlyTheEventsOfTheTable() {
        var expected = java.util.Map.of(
                EntityStatus.RUNNING, java.util.Set.of(KycEvent.Verified.class),
                EntityStatus.DATA_REQUEST, java.util.Set.of(KycEvent.Verified.class, KycEvent.DataRequestDocumentsChecked.class),
                EntityStatus.PENDING_STEP_UP, java.util.Set.of(KycEvent.DocumentsChecked.class),
                EntityStatus.WAITING_REVIEW, java.util.Set.of(KycEvent.Decided.class, KycEvent.DocumentsRequested.class),
                EntityStatus.COMPLETED, java.util.Set.<Class<? extends KycEvent>>of());
        for (EntityStatus status : EntityStatus.values()) {
            EntityState entity = entity(status, status == EntityStatus.COMPLETED ? EntityOutcome.APPROVED : null);
            for (var type : KycEvent.class.getPermittedSubclasses()) {
                @SuppressWarnings("unchecked") var eventType = (Class<? extends KycEvent>) type;
                assertThat(KycMachine.accepts(entity, eventType)).as(status.wire() + " " + type.getSimpleName())
                        .isEqualTo(expected.get(status).contains(eventType));
            }
        }
    }

    @Test
    void aCompletedEntityAcceptsNothing() {
        EntityState done = entity(EntityStatus.COMPLETED, EntityOutcome.APPROVED);
        assertThatThrownBy(() -> KycMachine.apply(done, new KycEvent.Decided(EntityOutcome.DENIED)))
                .isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("status completed");
        assertThatThrownBy(() -> KycMachine.apply(RUNNING, new KycEvent.Decided(EntityOutcome.DENIED)))
                .isInstanceOf(IllegalTransition.class);
    }

    @Test
    void journeyFollowsTheRulingsPrecedence() {
        var denied = entity(EntityStatus.COMPLETED, EntityOutcome.DENIED);
        var approved = entity(EntityStatus.COMPLETED, EntityOutcome.APPROVED);
        var review = entity(EntityStatus.WAITING_REVIEW, null);
        var data = entity(EntityStatus.DATA_REQUEST, null);
        var stepUp = entity(EntityStatus.PENDING_STEP_UP, null);
        assertThat(KycMachine.aggregate(List.of(review, denied))).isEqualTo(new Journey("completed", "Denied"));
        assertThat(KycMachine.aggregate(List.of(approved, approved))).isEqualTo(new Journey("completed", "Approved"));
        assertThat(KycMachine.aggregate(List.of(stepUp, data, review))).isEqualTo(new Journey("waiting_review", null));
        assertThat(KycMachine.aggregate(List.of(stepUp, data))).isEqualTo(new Journey("data_request", null));
        assertThat(KycMachine.aggregate(List.of(approved, stepUp))).isEqualTo(new Journey("pending_step_up", null));
        assertThat(KycMachine.aggregate(List.of(approved, RUNNING))).isEqualTo(new Journey("running", null));
    }

    @Test
    void stepUpNeedsBothSidesOfOneDocumentOrAPassportFront() {
        var licenceFront = new AttachedDocument("d1", "license", "front", "x");
        var licenceBack = new AttachedDocument("d2", "license", "back", "x");
        var cardBack = new AttachedDocument("d3", "identification_card", "back", "x");
        var passport = new AttachedDocument("d4", "passport", "front", "x");
        var selfie = new AttachedDocument("d5", "other", "selfie", "x");
        assertThat(StepUpRequirement.isSatisfied(List.of(licenceFront))).isFalse();
        assertThat(StepUpRequirement.isSatisfied(List.of(licenceFront, cardBack))).isFalse();
        assertThat(StepUpRequirement.isSatisfied(List.of(licenceFront, licenceBack))).isTrue();
        assertThat(StepUpRequirement.isSatisfied(List.of(passport))).isTrue();
        assertThat(StepUpRequirement.isSatisfied(List.of(selfie))).isFalse();
    }

    @Test
    void kycStatusCrossReference() {
        assertThat(KycService.kycStatusOf(new Journey("pending_step_up", null))).isEqualTo("WAITING_DATA");
        assertThat(KycService.kycStatusOf(new Journey("data_request", null))).isEqualTo("WAITING_DATA");
        assertThat(KycService.kycStatusOf(new Journey("waiting_review", null))).isEqualTo("WAITING_REVIEW");
        assertThat(KycService.kycStatusOf(new Journey("completed", "Approved"))).isEqualTo("APPROVED");
        assertThat(KycService.kycStatusOf(new Journey("completed", "Denied"))).isEqualTo("DECLINED");
        assertThat(KycService.kycStatusOf(new Journey("running", null))).isEqualTo("PENDING");
    }
}
