package dev.akepa.client;

import java.util.List;

/** A status-change callback's body, once {@link WebhookVerifier} has checked its signature. */
public record Callback(String code, Data data, String requestId) {

    /** The /akepa/status data plus the customer's reference. */
    public record Data(String applicationId, String aggregatorId, String customerId, String status, String outcome,
                       List<EntityApplication> entityApplications, String reference) {}
}
