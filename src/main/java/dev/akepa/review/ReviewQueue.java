package dev.akepa.review;

import dev.akepa.Durations;
import dev.akepa.customer.CustomerRepository;
import dev.akepa.http.Times;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The applications waiting for a reviewer: any entity in waiting_review, across partners, ordered by how long
 * the oldest waiting entity has waited (its last status change), then by id so pages are stable.
 */
final class ReviewQueue {
    static final int PAGE_SIZE = 20;

    private final Jdbi jdbi;
    private final CustomerRepository customers;
    private final Clock clock;

    ReviewQueue(Jdbi jdbi, CustomerRepository customers, Clock clock) {
        this.jdbi = jdbi;
        this.customers = customers;
        this.clock = clock;
    }

    record Slice(List<QueuePage.Row> rows, boolean hasNext) {}

    /** {@code liveClaims}: the oldest seen_at of a live claim ({@link CaseClaims#liveSince}). */
    Slice find(QueuePage.Filter filter, long reviewerId, long liveClaims, int page) {
        long now = clock.millis();
        StringBuilder sql = new StringBuilder("""
                select a.customer_id, a.status, p.login, c.customer_type, c.reference, w.waiting_since, w.waiting,
                  k.claimed_by
                from application a
                join partner p on p.id = a.partner_id
                join customer c on c.id = a.customer_id
                join (select application_id, min(updated_at) as waiting_since, count(*) as waiting
                      from entity_application where status = 'waiting_review' group by application_id) w
                  on w.application_id = a.id
                left join (select rc.customer_id, rc.reviewer_id, r.login as claimed_by from review_claim rc
                           join reviewer r on r.id = rc.reviewer_id where rc.seen_at >= :live) k
                  on k.customer_id = a.customer_id
                where 1 = 1""");
        // Conditions are added only when set: PostgreSQL cannot type a bound null in ":x is null".
        if (!filter.partner().isEmpty()) sql.append(" and p.login = :partner");
        if (!filter.status().isEmpty()) sql.append(" and a.status = :status");
        if (!filter.minAge().isEmpty()) sql.append(" and w.waiting_since <= :cutoff");
        if (filter.mine()) sql.append(" and k.reviewer_id = :reviewer");
        sql.append(filter.newestFirst() ? " order by w.waiting_since desc, a.id desc" : " order by w.waiting_since, a.id");
        sql.append(" limit :limit offset :offset");
        List<QueuePage.Row> rows = jdbi.withHandle(h -> {
            Query q = h.createQuery(sql.toString());
            if (!filter.partner().isEmpty()) q.bind("partner", filter.partner());
            if (!filter.status().isEmpty()) q.bind("status", filter.status());
            if (!filter.minAge().isEmpty()) q.bind("cutoff", now - Durations.parse(filter.minAge()).toMillis());
            if (filter.mine()) q.bind("reviewer", reviewerId);
            q.bind("live", liveClaims);
            return q.bind("limit", PAGE_SIZE + 1).bind("offset", (page - 1) * PAGE_SIZE)
                    .map((rs, c) -> {
                        long since = rs.getLong("waiting_since");
                        String customerId = rs.getString("customer_id");
                        // The name is sealed with the customer's own key: opened per row, a page at a time.
                        String name = customers.findAnyPartner(h, customerId).map(found -> displayName(found.data())).orElse("");
                        if (name.isEmpty()) name = "(erased)"; // its data key was destroyed
                        return new QueuePage.Row(customerId, name,
                                rs.getString("customer_type"), rs.getString("reference"), rs.getString("login"),
                                rs.getString("status"), Times.format(Instant.ofEpochMilli(since)),
                                waited(Duration.ofMillis(Math.max(0, now - since))), rs.getInt("waiting"),
                                "/review/applications/" + customerId,
                                java.util.Objects.requireNonNullElse(rs.getString("claimed_by"), ""));
                    })
                    .list();
        });
        boolean hasNext = rows.size() > PAGE_SIZE;
        return new Slice(hasNext ? rows.subList(0, PAGE_SIZE) : rows, hasNext);
    }

    /** The longest-waiting case nobody else holds a live claim on ("next case"). */
    java.util.Optional<String> next(long reviewerId, long liveClaims) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select a.customer_id from application a
                        join (select application_id, min(updated_at) as waiting_since
                              from entity_application where status = 'waiting_review' group by application_id) w
                          on w.application_id = a.id
                        where not exists (select 1 from review_claim rc where rc.customer_id = a.customer_id
                                          and rc.seen_at >= :live and rc.reviewer_id <> :reviewer)
                        order by w.waiting_since, a.id limit 1""")
                .bind("live", liveClaims).bind("reviewer", reviewerId).mapTo(String.class).findOne());
    }

    List<String> partners() {
        return jdbi.withHandle(h -> h.createQuery("select login from partner order by login").mapTo(String.class).list());
    }

    /** Individual: first and last name; business: its name. */
    static String displayName(JsonNode customer) {
        if (customer.hasNonNull("businessName")) return customer.get("businessName").asString();
        List<String> parts = new ArrayList<>();
        for (String field : List.of("firstName", "lastName")) {
            if (customer.hasNonNull(field)) parts.add(customer.get(field).asString());
        }
        return String.join(" ", parts);
    }

    static String waited(Duration d) {
        if (d.toDays() > 0) return d.toDays() + " d " + d.toHoursPart() + " h";
        if (d.toHours() > 0) return d.toHours() + " h " + d.toMinutesPart() + " min";
        return d.toMinutes() + " min";
    }
}
