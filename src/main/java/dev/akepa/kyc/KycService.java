package dev.akepa.kyc;

import dev.akepa.auth.Partner;
import dev.akepa.customer.Customer;
import dev.akepa.customer.CustomerRepository;
import dev.akepa.document.Document;
import dev.akepa.document.DocumentRepository;
import dev.akepa.http.ApiErrors;
import dev.akepa.store.Ids;
import dev.akepa.store.Transactions;
import dev.akepa.verification.AttachedDocument;
import dev.akepa.verification.DataRequestVerdict;
import dev.akepa.verification.ScreeningRecorder;
import dev.akepa.verification.Subject;
import dev.akepa.verification.Verdict;
import dev.akepa.verification.VerificationProvider;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every change of an application goes through here: load → decide with {@link KycMachine} → save, and the change
 * listeners (webhook outbox, audit trail) write in the same transaction.
 */
public final class KycService {
    private final Jdbi jdbi;
    private final CustomerRepository customers;
    private final ApplicationRepository applications;
    private final DocumentRepository documents;
    private final VerificationProvider verification;
    private final ScreeningRecorder screenings;
    private final VerificationJobs jobs;
    private final WebhookUrlPolicy webhookUrls;
    private final List<ApplicationChangeListener> listeners;
    private final JobQueued jobQueued;
    private final Clock clock;

    /**
     * @param listeners called in every change's transaction, in this order (see {@link ApplicationChangeListener})
     * @param jobQueued signalled after a background job's transaction committed, so a local worker starts at once
     */
    public KycService(Jdbi jdbi, CustomerRepository customers, ApplicationRepository applications,
                      DocumentRepository documents, VerificationProvider verification, ScreeningRecorder screenings,
                      VerificationJobs jobs, WebhookUrlPolicy webhookUrls, List<ApplicationChangeListener> listeners,
                      JobQueued jobQueued, Clock clock) {
        this.jdbi = jdbi;
        this.customers = customers;
        this.applications = applications;
        this.documents = documents;
        this.verification = verification;
        this.screenings = screenings;
        this.jobs = jobs;
        this.webhookUrls = webhookUrls;
        this.listeners = List.copyOf(listeners);
        this.jobQueued = jobQueued;
        this.clock = clock;
    }

    // ---- /akepa/identification ------------------------------------------------------------------------------

    public ApplicationView identify(Partner partner, String customerId, boolean async, String webhookUrl) {
        if (webhookUrl != null) {
            // Checking a URL may resolve its host: done before a transaction holds a connection, and after the
            // customer is known to exist, which the rulings' error order puts first.
            customers.find(partner.id(), customerId).orElseThrow(() -> ApiErrors.customerNotFound(customerId));
            webhookUrls.check(webhookUrl);
        }
        try {
            // Insert first, one transaction: the unique customer_id of an application finds a repeated
            // identification, so the common first call costs no extra read.
            ApplicationView view = jdbi.inTransaction(h -> {
                // Locked: a concurrent /customer/update waits, then finds the application and verifies its change.
                Customer customer = customers.findForUpdate(h, partner.id(), customerId)
                        .orElseThrow(() -> ApiErrors.customerNotFound(customerId));
                if (CustomerEntities.hasDuplicateIds(customer)) throw ApiErrors.duplicateEntityIds();
                return create(h, partner, customer, async, webhookUrl);
            });
            if (async) jobQueued.signal();
            return view;
        } catch (RuntimeException e) {
            if (!Transactions.isUniqueViolation(e)) throw e;
            // The customer has its application already (from an earlier call, or a concurrent one that won).
            return existingApplication(partner, customerId, webhookUrl).orElseThrow(() -> e);
        }
    }

    private Optional<ApplicationView> existingApplication(Partner partner, String customerId, String webhookUrl) {
        return jdbi.inTransaction(h -> applications.findByCustomer(h, partner.id(), customerId, false).map(app -> {
            if (webhookUrl != null && !webhookUrl.equals(app.webhookUrl())) {
                applications.updateWebhookUrl(h, app.id(), webhookUrl);
            }
            return app.view(partner.login());
        }));
    }

    private ApplicationView create(Handle h, Partner partner, Customer customer, boolean async, String webhookUrl) {
        long now = clock.millis();
        Application created = new Application(Ids.next(Ids.APPLICATION), partner.id(), customer.id(), webhookUrl, 1,
                now, now, CustomerEntities.initialEntities(customer));
        List<String> reasons = new ArrayList<>();
        Application stored = async ? created : verifyRunning(h, created, customer, reasons);
        applications.insert(h, stored);
        if (async) jobs.enqueue(h, stored.id(), now);
        notifyListeners(h, customer, null, stored, partner.login(), "partner:" + partner.login(), "identification",
                String.join("; ", reasons));
        return stored.view(partner.login());
    }

    /** Applies verification to every entity still waiting for it; its screenings are stored as evidence. */
    private Application verifyRunning(Handle h, Application app, Customer customer, List<String> reasons) {
        Map<String, Subject> subjects = CustomerEntities.subjects(customer);
        List<EntityState> next = new ArrayList<>();
        for (EntityState entity : app.entities()) {
            if (entity.status() != EntityStatus.RUNNING) {
                next.add(entity);
                continue;
            }
            Verdict verdict = verification.verify(subjects.get(entity.entityId()));
            if (verdict.screening() != null) {
                screenings.record(h, customer.id(), customer.partnerId(), entity.entityId(), "identification", verdict.screening());
            }
            verdict.reasons().forEach(r -> reasons.add(entity.entityId() + ": " + r));
            next.add(KycMachine.apply(entity, new KycEvent.Verified(verdict)));
        }
        return app.withEntities(next, app.updatedAtMillis());
    }

    // ---- background verification ------------------------------------------------------------------------------

    /** Runs the queued verification of one application; safe to repeat (only running entities are verified). */
    void runVerification(String applicationId) {
        jdbi.useTransaction(h -> {
            Optional<Application> found = applications.findByIdLocked(h, applicationId);
            if (found.isEmpty()) {
                jobs.complete(h, applicationId);
                return;
            }
            Application before = found.get();
            Customer customer = customers.findAnyPartner(h, before.customerId()).orElseThrow();
            List<String> reasons = new ArrayList<>();
            Application verified = verifyRunning(h, before, customer, reasons);
            Application after = new Application(verified.id(), verified.partnerId(), verified.customerId(),
                    verified.webhookUrl(), verified.version(), verified.createdAtMillis(), clock.millis(), verified.entities());
            if (!after.entities().equals(before.entities())) {
                applications.update(h, before, after);
                String login = applications.aggregatorId(h, before.partnerId());
                notifyListeners(h, customer, before, after, login, "system", "verification", String.join("; ", reasons));
            }
            jobs.complete(h, applicationId);
        });
    }

    // ---- /akepa/status ------------------------------------------------------------------------------------------

    public ApplicationView status(Partner partner, String customerId) {
        return jdbi.withHandle(h -> applications.findByCustomer(h, partner.id(), customerId, false))
                .map(app -> app.view(partner.login()))
                .orElseThrow(() -> ApiErrors.identificationNotFound(customerId));
    }

    /** The cross-reference of the page: journey status → customer kycStatus (for /customer/status). */
    String kycStatus(String customerId) {
        return jdbi.withHandle(h -> h.createQuery("select status, outcome from application where customer_id = :c")
                        .bind("c", customerId)
                        .map((rs, ctx) -> new Journey(rs.getString("status"), rs.getString("outcome")))
                        .findOne())
                .map(KycService::kycStatusOf)
                .orElse(Customer.KYC_STATUS_BEFORE_IDENTIFICATION);
    }

    static String kycStatusOf(Journey journey) {
        return switch (journey.status()) {
            case "data_request", "pending_documents", "pending_step_up" -> "WAITING_DATA";
            case "waiting_review", "pending_journey_application_review" -> "WAITING_REVIEW";
            case "completed" -> "Approved".equals(journey.outcome()) ? "APPROVED" : "DECLINED";
            default -> "PENDING";
        };
    }

    /**
     * A customer's application as a reviewer reads it (any partner's), with its partner's login, in the caller's
     * handle so that a case page is one consistent read.
     */
    public Optional<ApplicationForReview> forReview(Handle h, Customer customer) {
        return applications.findByCustomer(h, customer.partnerId(), customer.id(), false)
                .map(app -> new ApplicationForReview(app, applications.aggregatorId(h, customer.partnerId())));
    }

    // ---- /akepa/update --------------------------------------------------------------------------------------------

    /**
     * Attaches documents all-or-nothing, then moves entities whose step-up is now satisfied, and entities in
     * data_request as the verification provider says (to waiting_review in production mode).
     */
    public ApplicationView update(Partner partner, String customerId, List<DocumentLink> links) {
        return jdbi.inTransaction(h -> {
            Customer customer = customers.find(h, partner.id(), customerId)
                    .orElseThrow(() -> ApiErrors.customerNotFound(customerId));
            Application before = applications.findByCustomer(h, partner.id(), customerId, true)
                    .orElseThrow(() -> ApiErrors.identificationNotFound(customerId));
            // The page makes documents optional: nothing to link is the application as it is (and no empty IN list).
            if (links.isEmpty()) return before.view(partner.login());
            if (before.journey().completed()) throw ApiErrors.applicationStatus(before.id(), "completed");
            ApplicationDocuments docs = new ApplicationDocuments(documents.linkedOrAttached(h, partner.id(), before.id(),
                    links.stream().map(DocumentLink::documentId).collect(Collectors.toCollection(LinkedHashSet::new))));
            checkLinks(docs, before, links);
            documents.saveAttachments(h, docs.link(before.id(), links));
            Set<String> touched = links.stream().map(DocumentLink::entityId).collect(Collectors.toSet());
            Map<String, Subject> subjects = CustomerEntities.subjects(customer);
            List<String> reasons = new ArrayList<>();
            List<EntityState> next = new ArrayList<>();
            for (EntityState entity : before.entities()) {
                next.add(touched.contains(entity.entityId())
                        ? afterDocuments(docs.attachedTo(before.id(), entity.entityId()), entity,
                                subjects.get(entity.entityId()), reasons)
                        : entity);
            }
            Application after = before.withEntities(next, clock.millis());
            if (!after.entities().equals(before.entities())) {
                applications.update(h, before, after);
                notifyListeners(h, customer, before, after, partner.login(), "partner:" + partner.login(), "documents",
                        String.join("; ", reasons));
                return after.view(partner.login());
            }
            return before.view(partner.login());
        });
    }

    /** The rulings' order: for each item, the document (exists, uploaded, not in use), then the entity. */
    private static void checkLinks(ApplicationDocuments docs, Application app, List<DocumentLink> links) {
        Map<String, String> entityOfDocument = new HashMap<>();
        for (DocumentLink link : links) {
            Document doc = docs.find(link.documentId()).orElseThrow(() -> ApiErrors.documentNotFound(link.documentId()));
            if (!doc.uploaded()) throw ApiErrors.fileNotFound(doc.id());
            boolean elsewhere = doc.attached()
                    && !(doc.applicationId().equals(app.id()) && doc.entityId().equals(link.entityId()));
            String earlier = entityOfDocument.putIfAbsent(doc.id(), link.entityId());
            if (elsewhere || (earlier != null && !earlier.equals(link.entityId()))) throw ApiErrors.documentInUse(doc.id());
            EntityState entity = app.entity(link.entityId());
            if (entity == null) throw ApiErrors.entityNotFound(link.entityId());
            if (entity.status() == EntityStatus.COMPLETED) throw ApiErrors.entityStatus(entity.entityId(), "completed");
        }
    }

    /**
     * An entity waiting for step-up is checked once its documents satisfy it; one in data_request is checked on
     * every link (the provider decides per mode). Any other status only stores the documents.
     * {@code entityDocuments}: every document attached to the entity so far, not only this call's.
     */
    private EntityState afterDocuments(List<Document> entityDocuments, EntityState entity, Subject subject,
                                       List<String> reasons) {
        List<AttachedDocument> attached = entityDocuments.stream()
                .map(d -> new AttachedDocument(d.id(), d.type(), d.view(), d.sha256())).toList();
        if (KycMachine.accepts(entity, KycEvent.DocumentsChecked.class)) {
            if (!StepUpRequirement.isSatisfied(attached)) return entity;
            Verdict verdict = verification.checkDocuments(subject, attached);
            verdict.reasons().forEach(r -> reasons.add(entity.entityId() + ": " + r));
            return KycMachine.apply(entity, new KycEvent.DocumentsChecked(verdict));
        }
        if (KycMachine.accepts(entity, KycEvent.DataRequestDocumentsChecked.class)) {
            DataRequestVerdict verdict = verification.checkDataRequestDocuments(subject, attached);
            verdict.reasons().forEach(r -> reasons.add(entity.entityId() + ": " + r));
            return KycMachine.apply(entity, new KycEvent.DataRequestDocumentsChecked(verdict));
        }
        return entity;
    }

    // ---- /customer/update ---------------------------------------------------------------------------------------------

    /**
     * A customer's data changed (called by /customer/update inside its transaction, before the data is saved).
     * Without an application there is nothing to verify yet. Otherwise, in the rulings' order: a completed journey
     * refuses any change (statusApplication); an entity whose verification input changed — or that is removed —
     * must still be running or in data_request (statusApplicationEntity), since any other status rests on a verdict
     * about the old data; changed entities in data_request (and running ones) are verified again
     * ({@code data_request --Verified-->}), added representatives are verified as new entities. The change is
     * audited (field names) and, when a status changed, called back.
     */
    public void customerChanged(Handle h, Partner partner, Customer before, Customer after, List<String> changedFields) {
        Optional<Application> found = applications.findByCustomer(h, partner.id(), after.id(), true);
        if (found.isEmpty()) return;
        Application app = found.get();
        if (app.journey().completed()) throw ApiErrors.applicationStatus(app.id(), "completed");
        Map<String, Subject> was = CustomerEntities.subjects(before);
        Map<String, Subject> now = CustomerEntities.subjects(after);
        for (EntityState entity : app.entities()) {
            if (!now.containsKey(entity.entityId())) requireChangeable(entity);
        }
        List<String> reasons = new ArrayList<>();
        reasons.add("customer data changed: " + String.join(", ", changedFields));
        List<EntityState> next = new ArrayList<>();
        for (Map.Entry<String, Subject> subject : now.entrySet()) {
            EntityState entity = app.entity(subject.getKey());
            if (entity == null) {
                entity = new EntityState(subject.getKey(), false, EntityKind.REPRESENTATIVE, EntityStatus.RUNNING, null);
                next.add(verified(entity, subject.getValue(), reasons));
            } else if (!subject.getValue().equals(was.get(subject.getKey()))) {
                requireChangeable(entity);
                next.add(verified(entity, subject.getValue(), reasons));
            } else {
                next.add(entity);
            }
        }
        Application changed = app.withEntities(next, clock.millis());
        applications.update(h, app, changed);
        notifyListeners(h, after, app, changed, partner.login(), "partner:" + partner.login(), "customer-update",
                String.join("; ", reasons));
    }

    private static void requireChangeable(EntityState entity) {
        if (entity.status() != EntityStatus.RUNNING && entity.status() != EntityStatus.DATA_REQUEST) {
            throw ApiErrors.entityStatus(entity.entityId(), entity.status().wire());
        }
    }

    private EntityState verified(EntityState entity, Subject subject, List<String> reasons) {
        Verdict verdict = verification.verify(subject);
        verdict.reasons().forEach(r -> reasons.add(entity.entityId() + ": " + r));
        return KycMachine.apply(entity, new KycEvent.Verified(verdict));
    }

    // ---- decisions by people ----------------------------------------------------------------------------------------

    /** POST /akepa/sandbox/review: the partner decides its own customer's waiting_review entity. */
    public ApplicationView sandboxReview(Partner partner, String customerId, String entityId, EntityOutcome outcome) {
        return decide(h -> customers.find(h, partner.id(), customerId), customerId, entityId, outcome,
                "partner:" + partner.login(), "sandbox-review", (h, app, entity) -> "sandbox review");
    }

    /**
     * A reviewer's decision (console or review API), across partners. Approving a person (an individual or a
     * representative) needs the identity-document step that step-up asks of everyone else — documents attached to
     * the entity that satisfy {@link StepUpRequirement} — or a waiver: the reviewer's words on why not, which the
     * audit trail keeps with the reason. A person who reached review another way (a data request answered with a
     * utility bill, a possible sanctions match at identification) is otherwise approved without ever showing one.
     *
     * @param identityDocumentsWaiver null or blank when the reviewer waives nothing
     */
    public ApplicationView review(String customerId, String entityId, EntityOutcome outcome, String reviewerLogin,
                                  String reason, String identityDocumentsWaiver) {
        boolean waived = identityDocumentsWaiver != null && !identityDocumentsWaiver.isBlank();
        IdentityDocumentGate gate = (h, app, entity) -> {
            if (outcome != EntityOutcome.APPROVED || entity.kind() == EntityKind.BUSINESS) return reason;
            List<AttachedDocument> attached = documents.attachedTo(h, app.id()).stream()
                    .filter(d -> entity.entityId().equals(d.entityId()))
                    .map(d -> new AttachedDocument(d.id(), d.type(), d.view(), d.sha256())).toList();
            if (StepUpRequirement.isSatisfied(attached)) return reason;
            if (!waived) throw ApiErrors.identityDocumentsRequired(entity.entityId());
            return reason + "; identity documents waived: " + identityDocumentsWaiver.strip();
        };
        return decide(h -> customers.findAnyPartner(h, customerId), customerId, entityId, outcome,
                "reviewer:" + reviewerLogin, "review", gate);
    }

    /**
     * A reviewer sends a waiting_review entity back to the customer instead of deciding: to pending_step_up (new
     * identity documents) or data_request (corrected data), with the reason on the audit trail and in the callback
     * that every change queues (docs/rulings.md).
     */
    public ApplicationView requestDocuments(String customerId, String entityId, EntityStatus to, String reviewerLogin,
                                            String reason) {
        KycEvent.DocumentsRequested event = new KycEvent.DocumentsRequested(to);
        return change(h -> customers.findAnyPartner(h, customerId), customerId, entityId, event,
                "reviewer:" + reviewerLogin, "documents-requested", (h, app, entity) -> reason);
    }

    /** What a decision must satisfy beyond the state machine; returns the reason to record. */
    private interface IdentityDocumentGate {
        String reasonFor(Handle h, Application app, EntityState entity);
    }

    private interface CustomerFinder {
        Optional<Customer> find(Handle h);
    }

    private ApplicationView decide(CustomerFinder finder, String customerId, String entityId, EntityOutcome outcome,
                                   String actor, String trigger, IdentityDocumentGate gate) {
        return change(finder, customerId, entityId, new KycEvent.Decided(outcome), actor, trigger, gate);
    }

    /** A person's event on one waiting_review entity (a decision, a request for documents). */
    private ApplicationView change(CustomerFinder finder, String customerId, String entityId, KycEvent event,
                                   String actor, String trigger, IdentityDocumentGate gate) {
        return jdbi.inTransaction(h -> {
            Customer customer = finder.find(h).orElseThrow(() -> ApiErrors.customerNotFound(customerId));
            Application before = applications.findByCustomer(h, customer.partnerId(), customerId, true)
                    .orElseThrow(() -> ApiErrors.identificationNotFound(customerId));
            EntityState entity = before.entity(entityId);
            if (entity == null) throw ApiErrors.entityNotFound(entityId);
            if (!KycMachine.accepts(entity, event.getClass())) {
                throw ApiErrors.entityStatus(entityId, entity.status().wire());
            }
            String reason = gate.reasonFor(h, before, entity);
            EntityState decided = KycMachine.apply(entity, event);
            List<EntityState> next = before.entities().stream().map(e -> e.entityId().equals(entityId) ? decided : e).toList();
            Application after = before.withEntities(next, clock.millis());
            applications.update(h, before, after);
            String login = applications.aggregatorId(h, before.partnerId());
            notifyListeners(h, customer, before, after, login, actor, trigger, reason);
            return after.view(login);
        });
    }

    private void notifyListeners(Handle h, Customer customer, Application before, Application after, String aggregatorId,
                                 String actor, String trigger, String reason) {
        ApplicationChange change = new ApplicationChange(after.partnerId(), customer.reference(), after.webhookUrl(),
                before == null ? null : before.view(aggregatorId), after.view(aggregatorId), actor, trigger,
                reason == null ? "" : reason, after.updatedAtMillis());
        for (ApplicationChangeListener listener : listeners) listener.onChange(h, change);
    }
}
