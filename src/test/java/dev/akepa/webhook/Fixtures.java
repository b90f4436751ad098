package dev.akepa.webhook;

import dev.akepa.kyc.ApplicationChange;
import dev.akepa.kyc.ApplicationView;
import dev.akepa.kyc.ApplicationView.EntityView;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Minimal V1 rows (partner, customer, application) and synthetic changes, as the kyc service would make them. */
final class Fixtures {
    private Fixtures() {}

    static long partner(Jdbi jdbi, String login) {
        return jdbi.withHandle(h -> {
            h.createUpdate("insert into partner (login, password_hash, created_at) values (:login, 'x', 0)")
                    .bind("login", login).execute();
            return h.createQuery("select id from partner where login = :login").bind("login", login)
                    .mapTo(Long.class).one();
        });
    }

    /** A customer with its application; ids are derived from {@code name}: cstap_name and iapp_name. */
    static Application application(Jdbi jdbi, long partnerId, String name) {
        Application app = new Application(partnerId, "iapp_" + name, "cstap_" + name, "ref" + name);
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            insert into customer (id, partner_id, reference, customer_type, body, created_at)
                            values (:id, :partner, :ref, 'individual', '{}', 0)""")
                    .bind("id", app.customerId()).bind("partner", partnerId).bind("ref", app.reference()).execute();
            h.createUpdate("""
                            insert into application (id, partner_id, customer_id, status, version, created_at, updated_at)
                            values (:id, :partner, :customer, 'pending', 1, 0, 0)""")
                    .bind("id", app.applicationId()).bind("partner", partnerId).bind("customer", app.customerId())
                    .execute();
        });
        return app;
    }

    record Application(long partnerId, String applicationId, String customerId, String reference) {
        ApplicationChange change(String url, String status) {
            ApplicationView view = new ApplicationView(applicationId, "partner" + partnerId, customerId, status, null,
                    List.of(new EntityView(customerId, true, status, null)));
            return new ApplicationChange(partnerId, reference, url, null, view, "system", "verification", "",
                    System.currentTimeMillis());
        }
    }

    /** Polls until the condition holds; a bound for failing, not a timing assertion. */
    static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for: " + what);
            Thread.sleep(20);
        }
    }
}
