package dev.akepa.review;

import dev.akepa.customer.Customer;
import dev.akepa.customer.CustomerRepository;
import dev.akepa.http.Times;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Search and the closed cases. Ids and references are looked up by their columns; names exist only inside the
 * customer's stored body, so a name search reads customers through {@link CustomerRepository} (the same opening
 * as every read, which decrypts) a page of ids at a time and matches in memory: nothing searchable is stored.
 */
final class CaseLists {
    static final int MAX_RESULTS = 50;
    private static final int SCAN_PAGE = 500;

    private final Jdbi jdbi;
    private final CustomerRepository customers;

    CaseLists(Jdbi jdbi, CustomerRepository customers) {
        this.jdbi = jdbi;
        this.customers = customers;
    }

    /** Customer id, application id, reference (exact), or every word of the query in the customer's name. */
    List<CaseListPage.Row> search(String query) {
        String q = query.strip();
        if (q.isEmpty()) return List.of();
        return jdbi.withHandle(h -> {
            Set<String> ids = new LinkedHashSet<>(h.createQuery("""
                            select customer_id from application where customer_id = :q or id = :q
                            union select id from customer where reference = :q""")
                    .bind("q", q).mapTo(String.class).list());
            List<String> words = List.of(normal(q).split("\\s+"));
            List<String> all = new ArrayList<>();
            customers.forEachId(h, all::add);
            for (int i = 0; i < all.size() && ids.size() < MAX_RESULTS; i += SCAN_PAGE) {
                String last = all.get(Math.min(all.size(), i + SCAN_PAGE) - 1);
                for (Customer c : customers.findRange(h, all.get(i), last)) {
                    String name = normal(ReviewQueue.displayName(c.data()));
                    if (words.stream().allMatch(name::contains)) ids.add(c.id());
                    if (ids.size() >= MAX_RESULTS) break;
                }
            }
            List<CaseListPage.Row> rows = new ArrayList<>();
            for (String id : ids) row(h, id, "").ifPresent(rows::add);
            return rows;
        });
    }

    /** Completed applications, the latest decided first, with the decision and who made it. */
    List<CaseListPage.Row> closed(int page, int pageSize) {
        return jdbi.withHandle(h -> {
            List<String> ids = h.createQuery("select customer_id from application where status = 'completed' "
                            + "order by updated_at desc, id desc limit :limit offset :offset")
                    .bind("limit", pageSize + 1).bind("offset", (page - 1) * pageSize).mapTo(String.class).list();
            List<CaseListPage.Row> rows = new ArrayList<>();
            for (String id : ids) {
                String decidedBy = h.createQuery("select actor from audit_event where customer_id = :c and kind = 'application' "
                                + "and trigger_name in ('review', 'sandbox-review') order by id desc limit 1")
                        .bind("c", id).mapTo(String.class).findOne().orElse("verification");
                row(h, id, decidedBy).ifPresent(rows::add);
            }
            return rows;
        });
    }

    private Optional<CaseListPage.Row> row(Handle h, String customerId, String decidedBy) {
        Optional<Customer> customer = customers.findAnyPartner(h, customerId);
        if (customer.isEmpty()) return Optional.empty();
        Customer c = customer.get();
        return h.createQuery("select a.id, a.status, a.outcome, a.updated_at, p.login from application a "
                        + "join partner p on p.id = a.partner_id where a.customer_id = :c")
                .bind("c", customerId)
                .map((rs, x) -> new CaseListPage.Row(customerId, nameOf(c), c.type().wire(), c.reference(),
                        rs.getString("login"), rs.getString("id"),
                        rs.getString("outcome") == null ? rs.getString("status") : rs.getString("status") + "/" + rs.getString("outcome"),
                        Times.format(Instant.ofEpochMilli(rs.getLong("updated_at"))), decidedBy,
                        "/review/applications/" + customerId))
                .findOne();
    }

    private static String nameOf(Customer c) {
        String name = ReviewQueue.displayName(c.data());
        return name.isEmpty() ? c.id() : name;
    }

    /** Lower case without accents: "José" is found by "jose". */
    static String normal(String text) {
        return Normalizer.normalize(Objects.requireNonNullElse(text, ""), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
