package dev.akepa.audit;

/**
 * The content of one audit row: who ({@code actor}), what ({@code beforeJson} → {@code afterJson}), why
 * ({@code trigger}, {@code reason}) and when. Ids, customer and partner are null where they do not apply
 * (a login concerns no customer).
 */
public record AuditEntry(AuditKind kind, String customerId, String applicationId, Long partnerId, String actor,
                         String trigger, String reason, String beforeJson, String afterJson, long atMillis) {

    public AuditEntry {
        if (kind == null || actor == null || trigger == null) throw new IllegalArgumentException("kind, actor and trigger are required");
        if (reason == null) reason = "";
    }

    /** A reviewer's action outside any application change: login events, reveals. */
    public static AuditEntry reviewerAction(AuditKind kind, String reviewerLogin, String trigger, String reason,
                                            String customerId, Long partnerId, long atMillis) {
        return new AuditEntry(kind, customerId, null, partnerId, "reviewer:" + reviewerLogin, trigger, reason,
                null, null, atMillis);
    }
}
