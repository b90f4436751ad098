package dev.akepa.kyc;

import java.util.List;

/** A stored KYC/KYB application: one per customer, its entities in response order. */
public record Application(String id, long partnerId, String customerId, String webhookUrl, int version,
                          long createdAtMillis, long updatedAtMillis, List<EntityState> entities) {

    public Application {
        entities = List.copyOf(entities);
    }

    public Journey journey() {
        return KycMachine.aggregate(entities);
    }

    public EntityState entity(String entityId) {
        return entities.stream().filter(e -> e.entityId().equals(entityId)).findFirst().orElse(null);
    }

    Application withEntities(List<EntityState> newEntities, long nowMillis) {
        return new Application(id, partnerId, customerId, webhookUrl, version + 1, createdAtMillis, nowMillis, newEntities);
    }

    Application withWebhookUrl(String url) {
        return new Application(id, partnerId, customerId, url, version, createdAtMillis, updatedAtMillis, entities);
    }

    public ApplicationView view(String aggregatorId) {
        Journey journey = journey();
        return new ApplicationView(id, aggregatorId, customerId, journey.status(), journey.outcome(),
                entities.stream().map(e -> new ApplicationView.EntityView(e.entityId(), e.isCustomer(),
                        e.status().wire(), e.outcome() == null ? null : e.outcome().wire())).toList());
    }
}
