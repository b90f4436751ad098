package dev.akepa.review;

import dev.akepa.auth.Reviewer;
import dev.akepa.audit.AuditRecord;
import dev.akepa.audit.AuditTrail;
import dev.akepa.customer.Customer;
import dev.akepa.customer.CustomerRepository;
import dev.akepa.document.Document;
import dev.akepa.document.DocumentRepository;
import dev.akepa.http.ApiErrors;
import dev.akepa.json.Json;
import dev.akepa.http.Times;
import dev.akepa.kyc.Application;
import dev.akepa.kyc.ApplicationForReview;
import dev.akepa.kyc.ApplicationView;
import dev.akepa.kyc.KycService;
import dev.akepa.kyc.EntityState;
import dev.akepa.kyc.EntityStatus;
import dev.akepa.kyc.Journey;
import org.jdbi.v3.core.Jdbi;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Everything the case page shows about one customer's application, read across partners. */
final class CaseFiles {
    private final Jdbi jdbi;
    private final CustomerRepository customers;
    private final KycService kyc;
    private final DocumentRepository documents;
    private final AuditTrail audit;
    private final CaseReasons reasons;
    private final Proposals proposals;

    CaseFiles(Jdbi jdbi, CustomerRepository customers, KycService kyc, DocumentRepository documents,
              AuditTrail audit, CaseReasons reasons, Proposals proposals) {
        this.reasons = reasons;
        this.proposals = proposals;
        this.jdbi = jdbi;
        this.customers = customers;
        this.kyc = kyc;
        this.documents = documents;
        this.audit = audit;
    }

    /** The customer as stored (any partner's); customerNotFound otherwise. */
    Customer customer(String customerId) {
        return jdbi.withHandle(h -> customers.findAnyPartner(h, customerId))
                .orElseThrow(() -> ApiErrors.customerNotFound(customerId));
    }

    CasePage load(Reviewer reviewer, String csrf, String customerId, boolean revealed, String notice, String error,
                  String claimedBy) {
        return jdbi.withHandle(h -> {
            Customer customer = customers.findAnyPartner(h, customerId).orElseThrow(() -> ApiErrors.customerNotFound(customerId));
            ApplicationForReview found = kyc.forReview(h, customer)
                    .orElseThrow(() -> ApiErrors.identificationNotFound(customerId));
            Application app = found.application();
            String partner = found.aggregatorId();
            Map<String, List<CasePage.DocumentLink>> docs = new HashMap<>();
            for (Document d : documents.attachedTo(h, app.id())) {
                docs.computeIfAbsent(d.entityId(), k -> new ArrayList<>())
                        .add(new CasePage.DocumentLink(d.id(), d.type(), d.view(), "/review/documents/" + d.id()));
            }
            Map<String, String> names = entityNames(customer);
            Map<String, CasePage.Proposal> proposed = new HashMap<>();
            for (Proposals.Proposal p : proposals.ofCustomer(customerId)) {
                proposed.put(p.entityId(), new CasePage.Proposal(p.outcome().wire(), p.reason(), p.proposedBy(),
                        Times.format(Instant.ofEpochMilli(p.proposedAtMillis())), p.proposedById() == reviewer.id()));
            }
            List<CasePage.Entity> entities = new ArrayList<>();
            for (EntityState e : app.entities()) {
                entities.add(new CasePage.Entity(e.entityId(), names.getOrDefault(e.entityId(), ""), e.isCustomer(),
                        e.status().wire(), e.outcome() == null ? "" : e.outcome().wire(),
                        e.status() == EntityStatus.WAITING_REVIEW, sideBySide(docs.getOrDefault(e.entityId(), List.of())),
                        CustomerSections.entered(holderOf(customer, e.entityId()), revealed),
                        e.status() == EntityStatus.WAITING_REVIEW ? proposed.get(e.entityId()) : null));
            }
            List<AuditRecord> trail = audit.ofCustomer(customerId);
            return new CasePage(reviewer.login(), reviewer.supervisor(), csrf, customerId, customer.reference(), customer.type().wire(), partner,
                    app.id(), journey(app.journey()), revealed, reasons.of(customerId, trail, names),
                    CustomerSections.of(customer.data(), revealed), entities, timeline(trail), notice, error, claimedBy);
        });
    }

    record StoredFile(long partnerId, String storageKey, String contentType) {}

    /** An uploaded document attached to some application: only those are part of a case. */
    Optional<StoredFile> attachedFile(String documentId) {
        return jdbi.withHandle(h -> h.createQuery("select partner_id, storage_key, extension from document "
                        + "where id = :id and upload_status = true and application_id is not null and purged_at is null")
                .bind("id", documentId)
                .map((rs, c) -> new StoredFile(rs.getLong("partner_id"), rs.getString("storage_key"),
                        "png".equals(rs.getString("extension")) ? "image/png" : "image/jpeg"))
                .findOne());
    }

    private static List<CasePage.TimelineItem> timeline(List<AuditRecord> trail) {
        List<CasePage.TimelineItem> items = new ArrayList<>();
        for (AuditRecord r : trail) {
            var e = r.entry();
            items.add(new CasePage.TimelineItem(r.id(), Times.format(Instant.ofEpochMilli(e.atMillis())), e.actor(),
                    e.trigger(), e.reason(), changes(e.beforeJson(), e.afterJson())));
        }
        return items;
    }

    /** What changed between two stored status views, in words. */
    static List<String> changes(String beforeJson, String afterJson) {
        if (afterJson == null) return List.of();
        ApplicationView after = Json.MAPPER.readValue(afterJson, ApplicationView.class);
        ApplicationView before = beforeJson == null ? null : Json.MAPPER.readValue(beforeJson, ApplicationView.class);
        List<String> out = new ArrayList<>();
        String was = before == null ? "—" : journey(before.status(), before.outcome());
        String now = journey(after.status(), after.outcome());
        if (!was.equals(now)) out.add("journey: " + was + " → " + now);
        for (ApplicationView.EntityView e : after.entityApplications()) {
            ApplicationView.EntityView old = before == null ? null : before.entityApplications().stream()
                    .filter(o -> o.entityId().equals(e.entityId())).findFirst().orElse(null);
            String from = old == null ? "—" : journey(old.status(), old.outcome());
            String to = journey(e.status(), e.outcome());
            if (!from.equals(to)) out.add(e.entityId() + ": " + from + " → " + to);
        }
        return out;
    }

    private static String journey(Journey j) {
        return journey(j.status(), j.outcome());
    }

    private static String journey(String status, String outcome) {
        return outcome == null ? status : status + "/" + outcome;
    }

    /** Front, back, selfie, then the rest: the order a reviewer compares them in. */
    private static List<CasePage.DocumentLink> sideBySide(List<CasePage.DocumentLink> docs) {
        List<String> order = List.of("front", "back", "selfie");
        return docs.stream().sorted(java.util.Comparator.comparingInt(d -> {
            int i = order.indexOf(d.view());
            return i < 0 ? order.size() : i;
        })).toList();
    }

    /** The JSON object an entity's data is in: the customer itself, or its representative with that id. */
    private static JsonNode holderOf(Customer customer, String entityId) {
        for (JsonNode rep : customer.data().path("businessRepresentatives")) {
            if (entityId.equals(rep.path("id").asString(""))) return rep;
        }
        return customer.data();
    }

    /** Entity id → the person's or business's name. */
    private static Map<String, String> entityNames(Customer customer) {
        Map<String, String> names = new HashMap<>();
        JsonNode data = customer.data();
        names.put(customer.id(), ReviewQueue.displayName(data));
        for (JsonNode rep : data.path("businessRepresentatives")) {
            String id = rep.path("id").isString() ? rep.get("id").asString() : null;
            if (id != null) names.put(id, Objects.requireNonNullElse(ReviewQueue.displayName(rep), ""));
        }
        return names;
    }
}
