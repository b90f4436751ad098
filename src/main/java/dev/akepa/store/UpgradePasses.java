package dev.akepa.store;

import org.jdbi.v3.core.Jdbi;

import java.time.Clock;

/**
 * Work an upgrade needs once per database, at start: a pass runs on every start until it has once finished, then
 * never again. Sealing the plaintext an earlier version left scans whole tables (customer, document); on a data
 * dir of 1,000,000 customers that scan would otherwise be paid on every start.
 */
public final class UpgradePasses {
    /** One pass; throwing leaves it unfinished, so the next start runs it again. */
    @FunctionalInterface
    public interface Pass<E extends Exception> {
        void run() throws E;
    }

    private final Jdbi jdbi;
    private final Clock clock;

    public UpgradePasses(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Runs {@code pass} unless a start has finished it before; two nodes starting at once may both run it. */
    public <E extends Exception> void runOnce(String name, Pass<E> pass) throws E {
        if (finished(name)) return;
        pass.run();
        jdbi.useHandle(h -> h.createUpdate("insert into upgrade_pass (name, done_at) values (:name, :now) on conflict do nothing")
                .bind("name", name).bind("now", clock.millis()).execute());
    }

    public boolean finished(String name) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from upgrade_pass where name = :name")
                .bind("name", name).mapTo(Integer.class).one()) > 0;
    }
}
