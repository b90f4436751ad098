package dev.akepa.review;

import java.util.List;

/** One application under review: customer data (masked unless revealed), entities, documents, timeline. Public for JTE. */
public record CasePage(String reviewer, boolean supervisor, String csrf, String customerId, String reference, String customerType,
                       String partner, String applicationId, String journey, boolean revealed,
                       Why why, List<Section> customer, List<Entity> entities, List<TimelineItem> timeline,
                       String notice, String error, String claimedBy) {

    /** The panel at the top: what sent the case here. {@code at} is null when no verification gave reasons. */
    public record Why(String at, List<Reason> reasons, List<Candidate> candidates) {
        public List<Reason> ofKind(String kind) {
            return reasons.stream().filter(r -> r.kind().equals(kind)).toList();
        }

        public boolean isEmpty() {
            return reasons.isEmpty() && candidates.isEmpty();
        }
    }

    /** {@code kind}: "data check", "KYB structure", "sanctions" or "verdict". */
    public record Reason(String entityId, String entityName, String text, String kind) {}

    /** A sanctions list entry the screening found close to an entity, with its evidence. */
    public record Candidate(String entityId, String entityName, String entryId, String listedName, String matchedName,
                            String score, String nameScore, String programs, String type, String datesOfBirth,
                            String countries, List<String> contributions, String screenedAt, String alert) {}

    public record Section(String title, List<Field> fields) {}

    /** {@code key}: the raw JSON key, shown on hover. */
    public record Field(String label, String key, String value) {}

    /** {@code entered}: what the documents should match (name, date of birth, address, document numbers). */
    public record Entity(String entityId, String name, boolean isCustomer, String status, String outcome,
                         boolean decidable, List<DocumentLink> documents, List<Field> entered, Proposal proposal) {}

    /** A four-eyes decision waiting for a supervisor; {@code mine}: proposed by the reviewer looking. */
    public record Proposal(String outcome, String reason, String proposedBy, String at, boolean mine) {}

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

    /** Claimed by the reviewer looking at the page. */
    public boolean mine() {
        return reviewer.equals(claimedBy);
    }

    /** Claimed by another reviewer: this one may look but not decide. */
    public boolean claimedByOther() {
        return !claimedBy.isEmpty() && !mine();
    }

    public String claimUrl() {
        return "/review/applications/" + customerId + "/claim";
    }

    public String releaseUrl() {
        return "/review/applications/" + customerId + "/release";
    }

    public String confirmUrl() {
        return "/review/applications/" + customerId + "/confirm";
    }

    public String rejectUrl() {
        return "/review/applications/" + customerId + "/reject";
    }

    public String requestDocumentsUrl() {
        return "/review/applications/" + customerId + "/request-documents";
    }

    public String decisionUrl() {
        return "/review/applications/" + customerId + "/decisions";
    }
}
