package dev.akepa.kyc;

/** An event that the entity's current status does not accept; carries the status for the API message. */
final class IllegalTransition extends RuntimeException {
    private final EntityState entity;

    IllegalTransition(EntityState entity, KycEvent event) {
        super("entity " + entity.entityId() + " in status " + entity.status().wire() + " does not accept "
                + event.getClass().getSimpleName());
        this.entity = entity;
    }

    public EntityState entity() {
        return entity;
    }
}
