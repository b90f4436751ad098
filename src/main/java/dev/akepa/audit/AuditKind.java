package dev.akepa.audit;

/** What an audit row records; stored by its wire name. */
public enum AuditKind {
    /** A change of an application (before → after), from {@link AuditTrail#onChange}. */
    APPLICATION("application"),
    /** A reviewer revealed a customer's masked data in the console. */
    REVEAL("reveal"),
    /** A reviewer's login, failed login, lock-out or logout. */
    LOGIN("login"),
    /** A four-eyes decision proposed, or its proposal rejected (the confirmation is the application change). */
    PROPOSAL("proposal"),
    /** A supervisor exported audit rows (customer or date range). */
    EXPORT("export"),
    /** A supervisor added a reviewer, changed a reviewer's role or disabled one (console Reviewers page). */
    ACCOUNT("account");

    private final String wire;

    AuditKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static AuditKind fromWire(String wire) {
        for (AuditKind k : values()) if (k.wire.equals(wire)) return k;
        throw new IllegalArgumentException("unknown audit kind " + wire);
    }
}
