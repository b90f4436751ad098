package dev.akepa.kyc;

/** The application's overall status and outcome ("Approved"/"Denied"/null), derived from its entities. */
public record Journey(String status, String outcome) {
    public boolean completed() {
        return EntityStatus.COMPLETED.wire().equals(status);
    }
}
