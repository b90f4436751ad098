package dev.akepa.kyc;

/** Entity application statuses, with the wire's spelling. */
public enum EntityStatus {
    RUNNING("running"),
    PENDING_STEP_UP("pending_step_up"),
    WAITING_REVIEW("waiting_review"),
    DATA_REQUEST("data_request"),
    COMPLETED("completed");

    private final String wire;

    EntityStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static EntityStatus fromWire(String wire) {
        for (EntityStatus s : values()) if (s.wire.equals(wire)) return s;
        throw new IllegalArgumentException("unknown entity status " + wire);
    }
}
