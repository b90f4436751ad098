package dev.akepa.kyc;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.List;

/**
 * Background verification work (syncMode true), kept in the database so any node can run it and work left by a
 * crashed or restarted node is picked up once its lease expires.
 */
final class VerificationJobs {
    private final Jdbi jdbi;
    private final long leaseMillis;

    VerificationJobs(Jdbi jdbi, long leaseMillis) {
        this.jdbi = jdbi;
        this.leaseMillis = leaseMillis;
    }

    void enqueue(Handle h, String applicationId, long nowMillis) {
        h.createUpdate("insert into verification_job (application_id, run_after, lease_until, attempts) values (:app, :now, 0, 0)")
                .bind("app", applicationId).bind("now", nowMillis).execute();
    }

    /** Leases up to {@code limit} due jobs to the caller; rows locked by another node are skipped, not waited for. */
    List<String> claim(long nowMillis, int limit) {
        return jdbi.inTransaction(h -> {
            List<String> ids = h.createQuery("""
                            select application_id from verification_job
                            where run_after <= :now and lease_until <= :now
                            order by run_after limit :limit for update skip locked""")
                    .bind("now", nowMillis).bind("limit", limit).mapTo(String.class).list();
            for (String id : ids) {
                h.createUpdate("update verification_job set lease_until = :until, attempts = attempts + 1 where application_id = :app")
                        .bind("until", nowMillis + leaseMillis).bind("app", id).execute();
            }
            return ids;
        });
    }

    void complete(Handle h, String applicationId) {
        h.createUpdate("delete from verification_job where application_id = :app").bind("app", applicationId).execute();
    }

    /** After a failure: try again later, with the lease released. */
    void retryLater(String applicationId, long runAfterMillis) {
        jdbi.useHandle(h -> h.createUpdate("update verification_job set run_after = :after, lease_until = 0 where application_id = :app")
                .bind("after", runAfterMillis).bind("app", applicationId).execute());
    }

    public int pending() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from verification_job").mapTo(Integer.class).one());
    }
}
