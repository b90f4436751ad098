package dev.akepa.sanctions;

import dev.akepa.customer.CustomerRepository;
import dev.akepa.store.Transactions;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Re-screening work in the database: one run per list version, cut into batches of consecutive customer ids.
 * Any node claims a batch with a lease ({@code FOR UPDATE SKIP LOCKED}); a batch commits with its evidence and
 * alerts, so a crash loses at most the batch in hand, which is claimed again once its lease ends.
 */
final class RescreenRuns {
    private final Jdbi jdbi;
    private final CustomerRepository customers;
    private final int batchSize;
    private final long leaseMillis;

    public RescreenRuns(Jdbi jdbi, CustomerRepository customers, int batchSize, long leaseMillis) {
        this.jdbi = jdbi;
        this.customers = customers;
        this.batchSize = batchSize;
        this.leaseMillis = leaseMillis;
    }

    record Batch(long listVersion, int number, String firstCustomer, String lastCustomer) {}

    /** How far the re-screening against one version is. */
    public record Progress(long listVersion, int batches, int batchesDone, long names, long alerts) {
        public boolean finished() {
            return batchesDone == batches;
        }
    }

    /** Creates the run for {@code version} unless one exists (made here or by another node); true if made here. */
    boolean ensureRun(long version, long nowMillis) {
        if (jdbi.withHandle(h -> h.createQuery("select count(*) from rescreen_run where list_version = :v")
                .bind("v", version).mapTo(Integer.class).one()) > 0) return false;
        try {
            jdbi.useTransaction(h -> {
                List<String[]> ranges = new ArrayList<>();
                String[] open = new String[2];
                int[] inBatch = {0};
                customers.forEachId(h, id -> {
                    if (inBatch[0] == 0) open[0] = id;
                    open[1] = id;
                    if (++inBatch[0] == batchSize) {
                        ranges.add(open.clone());
                        inBatch[0] = 0;
                    }
                });
                if (inBatch[0] > 0) ranges.add(open.clone());
                h.createUpdate("insert into rescreen_run (list_version, created_at, batches) values (:v, :at, :n)")
                        .bind("v", version).bind("at", nowMillis).bind("n", ranges.size()).execute();
                var insert = h.prepareBatch("""
                        insert into rescreen_batch (list_version, batch_no, first_customer, last_customer, lease_until)
                        values (:v, :no, :first, :last, 0)""");
                for (int i = 0; i < ranges.size(); i++) {
                    insert.bind("v", version).bind("no", i).bind("first", ranges.get(i)[0]).bind("last", ranges.get(i)[1]).add();
                }
                if (!ranges.isEmpty()) insert.execute();
            });
            return true;
        } catch (RuntimeException e) {
            if (Transactions.isUniqueViolation(e)) return false;
            throw e;
        }
    }

    /** Leases the next open batch of {@code version} to the caller, skipping batches other nodes hold. */
    Optional<Batch> claim(long version, long nowMillis) {
        return jdbi.inTransaction(h -> {
            Optional<Batch> batch = h.createQuery("""
                            select list_version, batch_no, first_customer, last_customer from rescreen_batch
                            where list_version = :v and done_at is null and lease_until <= :now
                            order by batch_no limit 1 for update skip locked""")
                    .bind("v", version).bind("now", nowMillis)
                    .map((rs, ctx) -> new Batch(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4))).findOne();
            batch.ifPresent(b -> h.createUpdate("update rescreen_batch set lease_until = :until where list_version = :v and batch_no = :no")
                    .bind("until", nowMillis + leaseMillis).bind("v", b.listVersion()).bind("no", b.number()).execute());
            return batch;
        });
    }

    void complete(Handle h, Batch batch, int names, int alerts, long nowMillis) {
        h.createUpdate("update rescreen_batch set done_at = :at, names = :names, alerts = :alerts where list_version = :v and batch_no = :no")
                .bind("at", nowMillis).bind("names", names).bind("alerts", alerts)
                .bind("v", batch.listVersion()).bind("no", batch.number()).execute();
    }

    /** Newest version first. */
    public List<Progress> progress() {
        return progress(jdbi);
    }

    /** Newest version first; reads no customer, so {@code ./akepa sanctions status} needs no key. */
    static List<Progress> progress(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select r.list_version, r.batches,
                               (select count(*) from rescreen_batch b where b.list_version = r.list_version and b.done_at is not null),
                               (select coalesce(sum(names), 0) from rescreen_batch b where b.list_version = r.list_version),
                               (select coalesce(sum(alerts), 0) from rescreen_batch b where b.list_version = r.list_version)
                        from rescreen_run r order by r.list_version desc""")
                .map((rs, ctx) -> new Progress(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getLong(5)))
                .list());
    }

    public Optional<Progress> progress(long version) {
        return progress().stream().filter(p -> p.listVersion() == version).findFirst();
    }
}
