package dev.akepa.kyc;

import org.jdbi.v3.core.Handle;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Applications and their entities. Every method takes the caller's handle: services own the transactions. */
public final class ApplicationRepository {

    public void insert(Handle h, Application app) {
        dev.akepa.kyc.Journey journey = app.journey();
        h.createUpdate("""
                        insert into application (id, partner_id, customer_id, status, outcome, webhook_url, version, created_at, updated_at)
                        values (:id, :partner, :customer, :status, :outcome, :webhook, :version, :created, :updated)""")
                .bind("id", app.id()).bind("partner", app.partnerId()).bind("customer", app.customerId())
                .bind("status", journey.status()).bind("outcome", journey.outcome())
                .bind("webhook", app.webhookUrl()).bind("version", app.version())
                .bind("created", app.createdAtMillis()).bind("updated", app.updatedAtMillis())
                .execute();
        var batch = h.prepareBatch("""
                insert into entity_application (application_id, entity_id, position, is_customer, kind, status, outcome, updated_at)
                values (:app, :entity, :position, :isCustomer, :kind, :status, :outcome, :updated)""");
        for (int i = 0; i < app.entities().size(); i++) {
            EntityState e = app.entities().get(i);
            batch.bind("app", app.id()).bind("entity", e.entityId()).bind("position", i)
                    .bind("isCustomer", e.isCustomer()).bind("kind", e.kind().name())
                    .bind("status", e.status().wire()).bind("outcome", e.outcome() == null ? null : e.outcome().wire())
                    .bind("updated", app.updatedAtMillis()).add();
        }
        batch.execute();
    }

    /** Saves entity changes and the derived journey; the version check guards against lost updates. */
    public void update(Handle h, Application before, Application after) {
        Journey journey = after.journey();
        int rows = h.createUpdate("""
                        update application set status = :status, outcome = :outcome, webhook_url = :webhook,
                               version = :version, updated_at = :updated
                        where id = :id and version = :expected""")
                .bind("status", journey.status()).bind("outcome", journey.outcome())
                .bind("webhook", after.webhookUrl()).bind("version", after.version())
                .bind("updated", after.updatedAtMillis()).bind("id", after.id()).bind("expected", before.version())
                .execute();
        if (rows != 1) throw new IllegalStateException("application " + after.id() + " changed concurrently");
        for (EntityState e : after.entities()) {
            EntityState old = before.entity(e.entityId());
            if (old != null && old.status() == e.status() && old.outcome() == e.outcome()) continue;
            h.createUpdate("""
                            update entity_application set status = :status, outcome = :outcome, updated_at = :updated
                            where application_id = :app and entity_id = :entity""")
                    .bind("status", e.status().wire()).bind("outcome", e.outcome() == null ? null : e.outcome().wire())
                    .bind("updated", after.updatedAtMillis()).bind("app", after.id()).bind("entity", e.entityId())
                    .execute();
        }
    }

    public void updateWebhookUrl(Handle h, String applicationId, String url) {
        h.createUpdate("update application set webhook_url = :url where id = :id")
                .bind("url", url).bind("id", applicationId).execute();
    }

    /** The partner's application for a customer; {@code forUpdate} locks the row until the transaction ends. */
    public Optional<Application> findByCustomer(Handle h, long partnerId, String customerId, boolean forUpdate) {
        if (!forUpdate) return findByCustomerJoined(h, partnerId, customerId);
        return h.createQuery("select id, partner_id, customer_id, webhook_url, version, created_at, updated_at "
                        + "from application where customer_id = :customer and partner_id = :partner"
                        + (forUpdate ? " for update" : ""))
                .bind("customer", customerId).bind("partner", partnerId)
                .map((rs, c) -> new Header(rs.getString("id"), rs.getLong("partner_id"), rs.getString("customer_id"),
                        rs.getString("webhook_url"), rs.getInt("version"), rs.getLong("created_at"), rs.getLong("updated_at")))
                .findOne()
                .map(header -> header.with(entities(h, header.id())));
    }

    private static final String JOINED = """
            select a.id, a.partner_id, a.customer_id, a.webhook_url, a.version, a.created_at, a.updated_at,
                   e.entity_id, e.is_customer, e.kind, e.status, e.outcome
            from application a left join entity_application e on e.application_id = a.id
            where a.customer_id = ? and a.partner_id = ?
            order by e.position""";

    /**
     * The read-only path (every /akepa/status): application and entities in one statement, in plain JDBC. Two
     * statements through JDBI cost twice H2's and JDBI's per-statement work, which was most of a status read's
     * CPU; JDBI's binding and mapping machinery alone was a tenth of it.
     */
    private Optional<Application> findByCustomerJoined(Handle h, long partnerId, String customerId) {
        try (PreparedStatement statement = h.getConnection().prepareStatement(JOINED)) {
            statement.setString(1, customerId);
            statement.setLong(2, partnerId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                Header header = new Header(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getLong(6), rs.getLong(7));
                List<EntityState> entities = new ArrayList<>();
                do {
                    String entityId = rs.getString(8);
                    if (entityId == null) continue;
                    entities.add(new EntityState(entityId, rs.getBoolean(9), EntityKind.valueOf(rs.getString(10)),
                            EntityStatus.fromWire(rs.getString(11)), EntityOutcome.fromWire(rs.getString(12))));
                } while (rs.next());
                return Optional.of(header.with(entities));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the application of " + customerId + " failed", e);
        }
    }

    public Optional<Application> findById(Handle h, String applicationId, boolean forUpdate) {
        return h.createQuery("select id, partner_id, customer_id, webhook_url, version, created_at, updated_at "
                        + "from application where id = :id" + (forUpdate ? " for update" : ""))
                .bind("id", applicationId)
                .map((rs, c) -> new Header(rs.getString("id"), rs.getLong("partner_id"), rs.getString("customer_id"),
                        rs.getString("webhook_url"), rs.getInt("version"), rs.getLong("created_at"), rs.getLong("updated_at")))
                .findOne()
                .map(header -> header.with(entities(h, header.id())));
    }

    private List<EntityState> entities(Handle h, String applicationId) {
        return h.createQuery("select entity_id, is_customer, kind, status, outcome from entity_application "
                        + "where application_id = :app order by position")
                .bind("app", applicationId)
                .map((rs, c) -> new EntityState(rs.getString("entity_id"), rs.getBoolean("is_customer"),
                        EntityKind.valueOf(rs.getString("kind")), EntityStatus.fromWire(rs.getString("status")),
                        EntityOutcome.fromWire(rs.getString("outcome"))))
                .list();
    }

    /** The application row without its entities. */
    private record Header(String id, long partnerId, String customerId, String webhookUrl, int version,
                          long createdAt, long updatedAt) {
        Application with(List<EntityState> entities) {
            return new Application(id, partnerId, customerId, webhookUrl, version, createdAt, updatedAt, entities);
        }
    }

    /** The partner login shown as aggregatorId. */
    public String aggregatorId(Handle h, long partnerId) {
        return h.createQuery("select login from partner where id = :id").bind("id", partnerId).mapTo(String.class).one();
    }
}
