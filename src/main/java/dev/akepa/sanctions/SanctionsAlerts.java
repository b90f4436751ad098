package dev.akepa.sanctions;

import dev.akepa.store.Ids;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Optional;

/**
 * Alerts: candidates that re-screening found for an entity whose earlier screenings did not have them. Reviewers
 * work them (issue 15's console calls {@link #open()} and {@link #resolve}); the customer's history is not
 * rewritten: a ruling is recorded on the alert, and the partner is told by callback.
 */
public final class SanctionsAlerts {
    static final String ID_PREFIX = "salrt_";
    private final Jdbi jdbi;

    public SanctionsAlerts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public enum Status { OPEN, FALSE_POSITIVE, TRUE_MATCH }

    public record Alert(String alertId, String customerId, long partnerId, String entityId, String entryId, long listVersion,
                        long evidenceId, double score, Status status, long createdAtMillis, Long resolvedAtMillis,
                        String resolvedBy) {}

    /** Opens an alert unless this entity already has one for this entry; the new alert's id, or empty. */
    Optional<String> openIfNew(Handle h, String customerId, long partnerId, String entityId, String entryId,
                               long listVersion, long evidenceId, double score, long nowMillis) {
        String id = Ids.next(ID_PREFIX);
        // Batches are disjoint by customer, so only two nodes on different list versions could race here; the
        // unique key then fails that batch, which is claimed again later and finds this alert.
        int inserted = h.createUpdate("""
                        insert into sanctions_alert (id, customer_id, partner_id, entity_id, entry_id, list_version,
                          evidence_id, score, status, created_at)
                        select :id, :customer, :partner, :entity, :entry, :version, :evidence, :score, 'OPEN', :at
                        where not exists (select 1 from sanctions_alert where entity_id = :entity and entry_id = :entry)""")
                .bind("id", id).bind("customer", customerId).bind("partner", partnerId).bind("entity", entityId)
                .bind("entry", entryId).bind("version", listVersion).bind("evidence", evidenceId)
                .bind("score", score).bind("at", nowMillis).execute();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    /** Open alerts, oldest first, for the review console's list. */
    public List<Alert> open() {
        return jdbi.withHandle(h -> h.createQuery("select * from sanctions_alert where status = 'OPEN' order by created_at, id")
                .map(SanctionsAlerts::alert).list());
    }

    public List<Alert> ofCustomer(String customerId) {
        return jdbi.withHandle(h -> h.createQuery("select * from sanctions_alert where customer_id = :c order by created_at, id")
                .bind("c", customerId).map(SanctionsAlerts::alert).list());
    }

    public long openCount() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from sanctions_alert where status = 'OPEN'")
                .mapTo(Long.class).one());
    }

    /** A reviewer's ruling on an open alert; false when it was not open (already ruled, or unknown). */
    public boolean resolve(String alertId, Status ruling, String reviewer, long nowMillis) {
        if (ruling == Status.OPEN) throw new IllegalArgumentException("a ruling is FALSE_POSITIVE or TRUE_MATCH");
        return jdbi.withHandle(h -> h.createUpdate("""
                        update sanctions_alert set status = :status, resolved_at = :at, resolved_by = :by
                        where id = :id and status = 'OPEN'""")
                .bind("status", ruling.name()).bind("at", nowMillis).bind("by", reviewer).bind("id", alertId)
                .execute() == 1);
    }

    private static Alert alert(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
        long resolved = rs.getLong("resolved_at");
        return new Alert(rs.getString("id"), rs.getString("customer_id"), rs.getLong("partner_id"), rs.getString("entity_id"),
                rs.getString("entry_id"), rs.getLong("list_version"), rs.getLong("evidence_id"), rs.getDouble("score"),
                Status.valueOf(rs.getString("status")), rs.getLong("created_at"), rs.wasNull() ? null : resolved,
                rs.getString("resolved_by"));
    }
}
