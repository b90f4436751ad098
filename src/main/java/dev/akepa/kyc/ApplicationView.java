package dev.akepa.kyc;

import java.util.List;

/** The status data of an application exactly as /akepa/status returns it (field names are the wire's). */
public record ApplicationView(String applicationId, String aggregatorId, String customerId, String status,
                              String outcome, List<EntityView> entityApplications) {

    public record EntityView(String entityId, boolean isCustomer, String status, String outcome) {}
}
