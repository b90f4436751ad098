package dev.akepa.webhook;

import org.jdbi.v3.core.Jdbi;

import java.util.List;

/** The partner's read side of the outbox: delivery attempts, newest first. */
final class DeliveryLog {
    private final Jdbi jdbi;

    DeliveryLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    boolean customerBelongsTo(long partnerId, String customerId) {
        // By primary key alone (see CustomerRepository.find for the plan that partner_id in the statement invites).
        return jdbi.withHandle(h -> h.createQuery("select partner_id from customer where id = :id")
                .bind("id", customerId).mapTo(Long.class).findOne()).filter(owner -> owner == partnerId).isPresent();
    }

    record AttemptRow(String deliveryId, String applicationId, String customerId, String url, String deliveryState,
                      int series, int attempt, long attemptedAt, Integer httpStatus, long latencyMs, String result,
                      String error) {}

    record AttemptPage(List<AttemptRow> rows, long total) {}

    /** The partner's attempts, newest first; customerId null means all of the partner's customers. */
    AttemptPage attempts(long partnerId, String customerId, int page, int pageSize) {
        String filter = "m.partner_id = :partner" + (customerId == null ? "" : " and m.customer_id = :customer");
        return jdbi.withHandle(h -> {
            var count = h.createQuery("select count(*) from webhook_attempt a join webhook_message m on m.id = a.message_id "
                    + "where " + filter).bind("partner", partnerId);
            var list = h.createQuery("""
                            select a.message_id, m.application_id, m.customer_id, m.url, m.state, a.series, a.attempt,
                                   a.attempted_at, a.http_status, a.latency_ms, a.result, a.error
                            from webhook_attempt a join webhook_message m on m.id = a.message_id
                            where\s""" + filter + " order by a.id desc limit :limit offset :offset")
                    .bind("partner", partnerId).bind("limit", pageSize).bind("offset", (long) (page - 1) * pageSize);
            if (customerId != null) {
                count.bind("customer", customerId);
                list.bind("customer", customerId);
            }
            // The count first: an attempt committed between the two reads then shows in the rows too, so a page
            // never says total 1 with no rows (seen on PostgreSQL, the Java client's test: rows read first).
            long total = count.mapTo(Long.class).one();
            List<AttemptRow> rows = list.map((rs, ctx) -> new AttemptRow(rs.getString(1), rs.getString(2),
                    rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getLong(8),
                    rs.getObject(9) == null ? null : rs.getInt(9), rs.getLong(10), rs.getString(11), rs.getString(12)))
                    .list();
            return new AttemptPage(rows, total);
        });
    }

}
