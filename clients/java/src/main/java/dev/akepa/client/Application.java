package dev.akepa.client;

import java.util.List;

/**
 * A KYC/KYB application: the answer of /akepa/identification, /akepa/status, /akepa/update and the review calls.
 * status: running, pending_step_up (or pending_documents), waiting_review, data_request, completed;
 * outcome: null, "Approved" or "Denied".
 */
public record Application(String applicationId, String aggregatorId, String customerId, String status, String outcome,
                          List<EntityApplication> entityApplications) {

    /** True once the journey has an outcome. */
    public boolean isCompleted() {
        return "completed".equals(status);
    }

    /** The entity with this id, or null. */
    public EntityApplication entity(String entityId) {
        return entityApplications.stream().filter(e -> e.entityId().equals(entityId)).findFirst().orElse(null);
    }
}
