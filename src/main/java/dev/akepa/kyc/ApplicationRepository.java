package dev.akepa.kyc;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
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
        insertEntities(h, app);
    }

    private static void insertEntities(Handle h, Application app) {
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
        if (!sameMembers(before, after)) {
            replaceEntities(h, after);
            return;
        }
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

    private static boolean sameMembers(Application before, Application after) {
        return before.entities().stream().map(EntityState::entityId).toList()
                .equals(after.entities().stream().map(EntityState::entityId).toList());
    }

    /** Representatives were added or removed (/customer/update): the rows are written anew, positions included. */
    private static void replaceEntities(Handle h, Application app) {
        h.createUpdate("delete from entity_application where application_id = :app").bind("app", app.id()).execute();
        insertEntities(h, app);
    }

    public void updateWebhookUrl(Handle h, String applicationId, String url) {
        h.createUpdate("update application set webhook_url = :url where id = :id")
                .bind("url", url).bind("id", applicationId).execute();
    }

    /** The partner's application for a customer; {@code forUpdate} locks its rows until the transaction ends. */
    public Optional<Application> findByCustomer(Handle h, long partnerId, String customerId, boolean forUpdate) {
        return findJoined(h, forUpdate ? BY_CUSTOMER_LOCKED : BY_CUSTOMER, customerId, partnerId);
    }

    /** The application with this id, its rows locked until the transaction ends (background verification). */
    public Optional<Application> findByIdLocked(Handle h, String applicationId) {
        return findJoined(h, BY_ID_LOCKED, applicationId, null);
    }

    private static final String JOINED = """
            select a.id, a.partner_id, a.customer_id, a.webhook_url, a.version, a.created_at, a.updated_at,
                   e.entity_id, e.is_customer, e.kind, e.status, e.outcome
            from application a join entity_application e on e.application_id = a.id
            where %s
            order by e.position""";
    private static final String BY_CUSTOMER = JOINED.formatted("a.customer_id = ? and a.partner_id = ?");
    /** Locks the application row and its entity rows: every writer of either reads them this way first. */
    private static final String BY_CUSTOMER_LOCKED = BY_CUSTOMER + " for update";
    private static final String BY_ID_LOCKED = JOINED.formatted("a.id = ?") + " for update";

    /**
     * Application and entities in one statement (every application has at least its customer's entity), read from
     * the result set by hand: two statements cost twice the database's and JDBI's per-statement work, which was most
     * of a status read's CPU, and JDBI's column mapping a tenth of it. The statement itself goes through JDBI, so the
     * engine's rendering (no row locks on SQLite) and its prepared-statement cache apply.
     */
    private Optional<Application> findJoined(Handle h, String sql, String key, Long partnerId) {
        var query = h.createQuery(sql).bind(0, key);
        if (partnerId != null) query.bind(1, partnerId);
        return query.scanResultSet((results, ctx) -> {
            ResultSet rs = results.get();
            if (!rs.next()) return Optional.empty();
            Header header = new Header(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                    rs.getInt(5), rs.getLong(6), rs.getLong(7));
            List<EntityState> entities = new ArrayList<>();
            do {
                entities.add(new EntityState(rs.getString(8), rs.getBoolean(9), EntityKind.valueOf(rs.getString(10)),
                        EntityStatus.fromWire(rs.getString(11)), EntityOutcome.fromWire(rs.getString(12))));
            } while (rs.next());
            return Optional.of(header.with(entities));
        });
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
