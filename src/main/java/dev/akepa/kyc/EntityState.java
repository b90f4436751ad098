package dev.akepa.kyc;

/** One entity of an application as the state machine sees it. */
public record EntityState(String entityId, boolean isCustomer, EntityKind kind, EntityStatus status, EntityOutcome outcome) {

    public EntityState with(EntityStatus newStatus, EntityOutcome newOutcome) {
        return new EntityState(entityId, isCustomer, kind, newStatus, newOutcome);
    }
}
