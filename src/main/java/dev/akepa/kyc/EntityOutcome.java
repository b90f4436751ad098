package dev.akepa.kyc;

/** Entity outcomes ("approved"/"denied"); the journey spells them capitalised. */
public enum EntityOutcome {
    APPROVED("approved", "Approved"),
    DENIED("denied", "Denied");

    private final String wire;
    private final String journeyWire;

    EntityOutcome(String wire, String journeyWire) {
        this.wire = wire;
        this.journeyWire = journeyWire;
    }

    public String wire() {
        return wire;
    }

    String journeyWire() {
        return journeyWire;
    }

    public static EntityOutcome fromWire(String wire) {
        if (wire == null) return null;
        for (EntityOutcome o : values()) if (o.wire.equals(wire)) return o;
        throw new IllegalArgumentException("unknown entity outcome " + wire);
    }
}
