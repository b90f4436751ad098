package dev.akepa.auth;

import java.util.Locale;

/** What a reviewer may do: analysts work cases; supervisors also confirm four-eyes decisions and export the audit trail. */
public enum ReviewerRole {
    ANALYST, SUPERVISOR;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReviewerRole fromWire(String wire) {
        for (ReviewerRole r : values()) if (r.wire().equals(wire)) return r;
        throw new IllegalArgumentException("unknown reviewer role " + wire + " (analyst or supervisor)");
    }
}
