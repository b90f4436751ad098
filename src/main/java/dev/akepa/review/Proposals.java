package dev.akepa.review;

import dev.akepa.audit.AuditEntry;
import dev.akepa.audit.AuditKind;
import dev.akepa.audit.AuditTrail;
import dev.akepa.auth.Reviewer;
import dev.akepa.kyc.EntityOutcome;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Four-eyes decisions waiting for their confirmation: one per entity, proposed by any reviewer, confirmed or
 * rejected by a supervisor who is not the proposer. A proposal changes no application; the proposal and a
 * rejection are audit rows of their own (kind {@code proposal}), the confirmation is the decision's application
 * change, whose reason names both reviewers.
 */
final class Proposals {
    private final Jdbi jdbi;
    private final AuditTrail audit;
    private final Clock clock;

    Proposals(Jdbi jdbi, AuditTrail audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    record Proposal(String customerId, String entityId, EntityOutcome outcome, String reason, String waiver,
                    long proposedById, String proposedBy, long proposedAtMillis) {}

    List<Proposal> ofCustomer(String customerId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select p.*, r.login from review_proposal p join reviewer r on r.id = p.proposed_by
                        where p.customer_id = :c order by p.entity_id""")
                .bind("c", customerId)
                .map((rs, c) -> new Proposal(rs.getString("customer_id"), rs.getString("entity_id"),
                        EntityOutcome.fromWire(rs.getString("outcome")), rs.getString("reason"), rs.getString("waiver"),
                        rs.getLong("proposed_by"), rs.getString("login"), rs.getLong("proposed_at")))
                .list());
    }

    Optional<Proposal> of(String customerId, String entityId) {
        return ofCustomer(customerId).stream().filter(p -> p.entityId().equals(entityId)).findFirst();
    }

    /** Records the proposal and its audit row in one transaction; false when the entity already has one. */
    boolean propose(Reviewer reviewer, String customerId, Long partnerId, String entityId, EntityOutcome outcome,
                    String reason, String waiver) {
        long now = clock.millis();
        try {
            jdbi.useTransaction(h -> {
                h.createUpdate("""
                                insert into review_proposal (customer_id, entity_id, outcome, reason, waiver, proposed_by, proposed_at)
                                values (:c, :e, :o, :reason, :waiver, :by, :at)""")
                        .bind("c", customerId).bind("e", entityId).bind("o", outcome.wire()).bind("reason", reason)
                        .bind("waiver", waiver == null || waiver.isBlank() ? null : waiver).bind("by", reviewer.id())
                        .bind("at", now).execute();
                audit.append(h, AuditEntry.reviewerAction(AuditKind.PROPOSAL, reviewer.login(), "four-eyes-proposed",
                        outcome.wire() + " " + entityId + ": " + reason, customerId, partnerId, now));
            });
            return true;
        } catch (JdbiException alreadyProposed) {
            return false;
        }
    }

    /** Deletes the proposal; with {@code rejectedBy}, the rejection is on the audit trail. */
    void remove(Proposal p, Reviewer rejectedBy, Long partnerId) {
        jdbi.useTransaction(h -> {
            int gone = h.createUpdate("delete from review_proposal where customer_id = :c and entity_id = :e")
                    .bind("c", p.customerId()).bind("e", p.entityId()).execute();
            if (gone == 1 && rejectedBy != null) {
                audit.append(h, AuditEntry.reviewerAction(AuditKind.PROPOSAL, rejectedBy.login(), "four-eyes-rejected",
                        p.outcome().wire() + " " + p.entityId() + " proposed by reviewer:" + p.proposedBy() + " rejected",
                        p.customerId(), partnerId, clock.millis()));
            }
        });
    }
}
