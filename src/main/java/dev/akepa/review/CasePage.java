package dev.akepa.review;

import java.util.List;

/** One application under review: customer data (masked unless revealed), entities, documents, timeline. Public for JTE. */
public record CasePage(String reviewer, String csrf, String customerId, String reference, String customerType,
                       String partner, String applicationId, String journey, boolean revealed,
                       List<Section> customer, List<Entity> entities, List<TimelineItem> timeline,
                       String notice, String error) {

    public record Section(String title, List<Field> fields) {}

    public record Field(String label, String value) {}

    public record Entity(String entityId, String name, boolean isCustomer, String status, String outcome,
                         boolean decidable, List<DocumentLink> documents) {}

    public record DocumentLink(String documentId, String type, String view, String url) {}

    /** {@code changes}: "journey: a → b", "entity X: a → b"; empty for reveals and logins. */
    public record TimelineItem(long id, String at, String actor, String trigger, String reason, List<String> changes) {}

    /** The customer's name (the customer entity's), or its id when it has none. */
    public String title() {
        return entities.stream().filter(Entity::isCustomer).map(Entity::name).filter(n -> !n.isBlank())
                .findFirst().orElse(customerId);
    }

    public String revealUrl() {
        return "/review/applications/" + customerId + "/reveal";
    }

    public String decisionUrl() {
        return "/review/applications/" + customerId + "/decisions";
    }
}
