package dev.akepa.kyc;

import dev.akepa.verification.DataRequestVerdict;
import dev.akepa.verification.Verdict;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The KYC state machine and journey aggregation: pure functions, no HTTP, no SQL.
 *
 * <pre>
 * running          --Verified-->                     completed(approved|denied) | waiting_review | pending_step_up | data_request
 * pending_step_up  --DocumentsChecked-->             completed(approved|denied) | waiting_review
 * data_request     --Verified-->                     (as running; new data was verified)
 * data_request     --DataRequestDocumentsChecked-->  unchanged | waiting_review    (never completed: no verdict approves)
 * waiting_review   --Decided-->                      completed(approved|denied)
 * waiting_review   --DocumentsRequested-->           pending_step_up | data_request   (a reviewer asks the customer)
 * completed        accepts nothing
 * </pre>
 */
final class KycMachine {

    /** Which event types each status accepts. */
    private static final Map<EntityStatus, Set<Class<? extends KycEvent>>> ACCEPTS = Map.of(
            EntityStatus.RUNNING, Set.of(KycEvent.Verified.class),
            EntityStatus.DATA_REQUEST, Set.of(KycEvent.Verified.class, KycEvent.DataRequestDocumentsChecked.class),
            EntityStatus.PENDING_STEP_UP, Set.of(KycEvent.DocumentsChecked.class),
            EntityStatus.WAITING_REVIEW, Set.of(KycEvent.Decided.class, KycEvent.DocumentsRequested.class),
            EntityStatus.COMPLETED, Set.of());

    private KycMachine() {}

    public static boolean accepts(EntityState entity, Class<? extends KycEvent> eventType) {
        return ACCEPTS.get(entity.status()).contains(eventType);
    }

    public static EntityState apply(EntityState entity, KycEvent event) {
        if (!accepts(entity, event.getClass())) throw new IllegalTransition(entity, event);
        return switch (event) {
            case KycEvent.Verified v -> afterVerification(entity, v.verdict());
            case KycEvent.DocumentsChecked d -> afterDocuments(entity, d.verdict());
            case KycEvent.DataRequestDocumentsChecked d -> afterDataRequestDocuments(entity, d.verdict());
            case KycEvent.Decided d -> entity.with(EntityStatus.COMPLETED, d.outcome());
            case KycEvent.DocumentsRequested r -> entity.with(r.to(), null);
        };
    }

    private static EntityState afterVerification(EntityState entity, Verdict verdict) {
        return switch (verdict.decision()) {
            case APPROVE -> entity.with(EntityStatus.COMPLETED, EntityOutcome.APPROVED);
            case DENY -> entity.with(EntityStatus.COMPLETED, EntityOutcome.DENIED);
            case REVIEW -> entity.with(EntityStatus.WAITING_REVIEW, null);
            case STEP_UP -> entity.with(EntityStatus.PENDING_STEP_UP, null);
            case DATA_REQUEST -> entity.with(EntityStatus.DATA_REQUEST, null);
        };
    }

    private static EntityState afterDocuments(EntityState entity, Verdict verdict) {
        return switch (verdict.decision()) {
            case APPROVE -> entity.with(EntityStatus.COMPLETED, EntityOutcome.APPROVED);
            case DENY -> entity.with(EntityStatus.COMPLETED, EntityOutcome.DENIED);
            case REVIEW -> entity.with(EntityStatus.WAITING_REVIEW, null);
            // Documents do not ask for documents again, nor for other data: a human looks instead.
            case STEP_UP, DATA_REQUEST -> entity.with(EntityStatus.WAITING_REVIEW, null);
        };
    }

    /** Documents never approve or deny a data problem: there is no such verdict, only a human or no change. */
    private static EntityState afterDataRequestDocuments(EntityState entity, DataRequestVerdict verdict) {
        return switch (verdict) {
            case DataRequestVerdict.Unchanged u -> entity;
            case DataRequestVerdict.Review r -> entity.with(EntityStatus.WAITING_REVIEW, null);
        };
    }

    /**
     * The journey from its entities, in the rulings' order: any denied → completed/Denied; all approved →
     * completed/Approved; any waiting_review → waiting_review; any data_request → data_request;
     * any pending_step_up → pending_step_up; else running.
     */
    public static Journey aggregate(List<EntityState> entities) {
        if (entities.isEmpty()) throw new IllegalArgumentException("an application has at least one entity");
        if (entities.stream().anyMatch(e -> e.outcome() == EntityOutcome.DENIED)) {
            return new Journey(EntityStatus.COMPLETED.wire(), EntityOutcome.DENIED.journeyWire());
        }
        if (entities.stream().allMatch(e -> e.outcome() == EntityOutcome.APPROVED)) {
            return new Journey(EntityStatus.COMPLETED.wire(), EntityOutcome.APPROVED.journeyWire());
        }
        for (EntityStatus waiting : List.of(EntityStatus.WAITING_REVIEW, EntityStatus.DATA_REQUEST, EntityStatus.PENDING_STEP_UP)) {
            if (entities.stream().anyMatch(e -> e.status() == waiting)) return new Journey(waiting.wire(), null);
        }
        return new Journey(EntityStatus.RUNNING.wire(), null);
    }
}
