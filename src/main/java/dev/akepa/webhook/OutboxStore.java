package dev.akepa.webhook;

import dev.akepa.crypto.Sha256;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** The outbox tables: enqueue, claim, record attempts, replay. All SQL runs on H2 and PostgreSQL alike. */
final class OutboxStore {
    static final String PENDING = "pending";
    static final String WAITING = "waiting";

    private final Jdbi jdbi;

    OutboxStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    record NewMessage(String id, long partnerId, String applicationId, String customerId, String url, String body,
                      long changedAt, long createdAt) {}

    /** A claim: this process owns the rows carrying {@code token} until {@code until} (epoch millis). */
    record Lease(String token, long until) {}

    /** A row this process now owns until its lease ends. */
    record Claimed(String id, long partnerId, String applicationId, String url, String body, int series,
                   int attempts, long changedAt, Lease lease) {}

    /** What an attempt did to its message. */
    enum Result {
        DELIVERED("delivered"), RETRYING("pending"), FAILED("failed"), GONE("gone");

        final String messageState;

        Result(String messageState) {
            this.messageState = messageState;
        }

        String label() {
            return name().toLowerCase();
        }
    }

    record Attempt(long attemptedAt, Integer httpStatus, long latencyMs, Result result, String error, long nextAttemptAt) {}

    /**
     * Writes the message in the caller's transaction. Only the oldest unfinished message of an application is
     * {@code pending} (claimable); later ones wait. The application row lock orders this against the dispatcher
     * finishing the head and promoting the next. A new head is claimed at once with {@code lease} when one is
     * given, and returned, so this process sends it right after the commit without a claim query. Nothing is
     * written when that URL answered 410 for this application.
     */
    Optional<Claimed> enqueue(Handle h, NewMessage m, Lease lease) {
        lockApplication(h, m.applicationId());
        var found = h.createQuery("""
                        select (select count(*) from webhook_gone where application_id = :app and url_hash = :hash),
                               (select count(*) from webhook_message where application_id = :app
                                       and state in ('pending', 'waiting'))""")
                .bind("app", m.applicationId()).bind("hash", Sha256.hex(m.url()))
                .map((rs, ctx) -> new long[]{rs.getLong(1), rs.getLong(2)})
                .one();
        if (found[0] > 0) return Optional.empty();
        boolean head = found[1] == 0;
        Lease claim = head ? lease : null;
        h.createUpdate("""
                        insert into webhook_message (id, partner_id, application_id, customer_id, url, body, state, series,
                               attempts, next_attempt_at, lease_until, claim_token, changed_at, created_at)
                        values (:id, :partner, :app, :customer, :url, :body, :state, 1, 0, :next, :lease, :token, :changed,
                                :now)""")
                .bind("id", m.id()).bind("partner", m.partnerId()).bind("app", m.applicationId())
                .bind("customer", m.customerId()).bind("url", m.url()).bind("body", m.body())
                .bind("state", head ? PENDING : WAITING)
                .bind("next", claim == null ? m.createdAt() : claim.until())
                .bind("lease", claim == null ? 0 : claim.until()).bind("token", claim == null ? null : claim.token())
                .bind("changed", m.changedAt()).bind("now", m.createdAt())
                .execute();
        return claim == null ? Optional.empty() : Optional.of(new Claimed(m.id(), m.partnerId(), m.applicationId(),
                m.url(), m.body(), 1, 0, m.changedAt(), claim));
    }

    /**
     * Claims up to {@code limit} due messages. Each is its application's head (the only pending one), so order
     * per application holds. SKIP LOCKED lets several processes claim at once; the conditional update re-checks
     * the lease under the row lock, so no row is claimed twice. A claimed row is next due when its lease ends:
     * rows in flight stay out of the due range the claim query reads, and an expired claim is due at once.
     */
    List<Claimed> claim(long now, int limit, Lease lease) {
        return jdbi.inTransaction(h -> {
            List<Claimed> due = h.createQuery("""
                            select m.id, m.partner_id, m.application_id, m.url, m.body, m.series, m.attempts,
                                   m.changed_at
                            from webhook_message m
                            where m.state = 'pending' and m.next_attempt_at <= :now and m.lease_until <= :now
                            order by m.next_attempt_at
                            limit :limit
                            for update skip locked""")
                    .bind("now", now).bind("limit", limit)
                    .map((rs, ctx) -> new Claimed(rs.getString("id"), rs.getLong("partner_id"),
                            rs.getString("application_id"), rs.getString("url"), rs.getString("body"),
                            rs.getInt("series"), rs.getInt("attempts"), rs.getLong("changed_at"), lease))
                    .list();
            if (due.isEmpty()) return due;
            PreparedBatch update = h.prepareBatch("""
                    update webhook_message set lease_until = :lease, claim_token = :token, next_attempt_at = :lease
                    where id = :id and state = 'pending' and lease_until <= :now""");
            for (Claimed c : due) {
                update.bind("lease", lease.until()).bind("token", lease.token()).bind("id", c.id()).bind("now", now).add();
            }
            int[] counts = update.execute();
            List<Claimed> won = new ArrayList<>(due.size());
            for (int i = 0; i < due.size(); i++) if (counts[i] == 1) won.add(due.get(i));
            return won;
        });
    }

    /** An attempt made under a claim, waiting to be recorded. */
    record Finished(Claimed claimed, Attempt attempt) {}

    /** What a batch of records did: the attempts it recorded, those left for a later batch, the heads it claimed. */
    record Recorded(List<Finished> recorded, List<Finished> deferred, List<Claimed> promoted) {}

    /**
     * Records a batch of attempts in one transaction and moves their messages on, each only while its claim still
     * owns it: a claim whose lease ran out (or that a replay reset) records its attempt as history without changing
     * the message. A finished message hands its application's queue to the next waiting message, claimed with
     * {@code lease} when given (else left for the claim loop). Attempts whose application row is locked right now
     * (a change of it is being committed) are deferred rather than waited for: a batch never queues behind changes.
     */
    Recorded record(List<Finished> all, long now, Lease lease) {
        return jdbi.inTransaction(h -> {
            Set<String> locked = lockApplications(h,
                    all.stream().map(f -> f.claimed().applicationId()).distinct().sorted().toList());
            List<Finished> batch = all.stream().filter(f -> locked.contains(f.claimed().applicationId())).toList();
            List<Finished> deferred = all.stream().filter(f -> !locked.contains(f.claimed().applicationId())).toList();
            if (batch.isEmpty()) return new Recorded(List.of(), deferred, List.of());
            PreparedBatch attempts = h.prepareBatch("""
                    insert into webhook_attempt (message_id, series, attempt, attempted_at, http_status, latency_ms,
                           result, error)
                    values (:message, :series, :attempt, :at, :status, :latency, :result, :error)""");
            PreparedBatch messages = h.prepareBatch("""
                    update webhook_message set state = :state, attempts = attempts + 1, next_attempt_at = :next,
                           lease_until = 0, claim_token = null, finished_at = :finished
                    where id = :id and claim_token = :token""");
            for (Finished f : batch) {
                Claimed c = f.claimed();
                Attempt a = f.attempt();
                attempts.bind("message", c.id()).bind("series", c.series()).bind("attempt", c.attempts() + 1)
                        .bind("at", a.attemptedAt()).bind("status", a.httpStatus()).bind("latency", a.latencyMs())
                        .bind("result", a.result().label()).bind("error", truncate(a.error(), 500))
                        .add();
                messages.bind("state", a.result().messageState).bind("next", a.nextAttemptAt())
                        .bind("finished", a.result() == Result.RETRYING ? null : finishedAt(a))
                        .bind("id", c.id()).bind("token", c.lease().token())
                        .add();
            }
            attempts.execute();
            int[] owned = messages.execute();
            List<String> finishedApplications = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                Finished f = batch.get(i);
                if (owned[i] == 0 || f.attempt().result() == Result.RETRYING) continue;
                if (f.attempt().result() == Result.GONE) stopCallbacks(h, f.claimed(), finishedAt(f.attempt()));
                finishedApplications.add(f.claimed().applicationId());
            }
            return new Recorded(batch, deferred, promoteNext(h, finishedApplications, now, lease));
        });
    }

    private static Long finishedAt(Attempt a) {
        return a.attemptedAt() + a.latencyMs();
    }

    /** Gives up claims this process will not send after all (stopping, say), so the claim loops take them now. */
    void release(List<Claimed> claims, long now) {
        jdbi.useHandle(h -> {
            PreparedBatch release = h.prepareBatch("""
                    update webhook_message set lease_until = 0, claim_token = null, next_attempt_at = :now
                    where id = :id and claim_token = :token""");
            for (Claimed c : claims) release.bind("now", now).bind("id", c.id()).bind("token", c.lease().token()).add();
            release.execute();
        });
    }

    /** 410: this URL gets nothing more about this application, queued messages included. */
    private void stopCallbacks(Handle h, Claimed c, long now) {
        h.createUpdate("""
                        insert into webhook_gone (application_id, url_hash, gone_at) values (:app, :hash, :now)
                        on conflict do nothing""")
                .bind("app", c.applicationId()).bind("hash", Sha256.hex(c.url())).bind("now", now).execute();
        h.createUpdate("""
                        update webhook_message set state = 'gone', finished_at = :now
                        where application_id = :app and url = :url and state = 'waiting'""")
                .bind("app", c.applicationId()).bind("url", c.url()).bind("now", now).execute();
    }

    /** Makes the oldest waiting message of each application its new head: claimed with the lease, or due now. */
    private List<Claimed> promoteNext(Handle h, List<String> applicationIds, long now, Lease lease) {
        if (applicationIds.isEmpty()) return List.of();
        List<Claimed> heads = h.createQuery("""
                        select m.id, m.partner_id, m.application_id, m.url, m.body, m.series, m.attempts, m.changed_at
                        from webhook_message m
                        join (select application_id, min(seq) as first_seq from webhook_message
                              where application_id in (<apps>) and state = 'waiting'
                              group by application_id) oldest
                          on oldest.application_id = m.application_id and oldest.first_seq = m.seq""")
                .bindList("apps", applicationIds)
                .map((rs, ctx) -> new Claimed(rs.getString("id"), rs.getLong("partner_id"),
                        rs.getString("application_id"), rs.getString("url"), rs.getString("body"),
                        rs.getInt("series"), rs.getInt("attempts"), rs.getLong("changed_at"), lease))
                .list();
        if (heads.isEmpty()) return heads;
        PreparedBatch promote = h.prepareBatch("""
                update webhook_message set state = 'pending', next_attempt_at = :next, lease_until = :lease,
                       claim_token = :token
                where id = :id""");
        for (Claimed head : heads) {
            promote.bind("next", lease == null ? now : lease.until()).bind("lease", lease == null ? 0 : lease.until())
                    .bind("token", lease == null ? null : lease.token())
                    .bind("id", head.id()).add();
        }
        promote.execute();
        return lease == null ? List.of() : heads;
    }

    /** Locks those of the applications that nobody else holds now; returns their ids. */
    private static Set<String> lockApplications(Handle h, List<String> sortedIds) {
        return new HashSet<>(h.createQuery("select id from application where id in (<apps>) order by id "
                        + "for update skip locked")
                .bindList("apps", sortedIds).mapTo(String.class).list());
    }

    /**
     * Serializes everything that decides which message heads an application's queue: enqueue (inside the
     * change's transaction, which already holds this lock), finishing a head, replay.
     */
    private static void lockApplication(Handle h, String applicationId) {
        h.createQuery("select id from application where id = :app for update")
                .bind("app", applicationId).mapTo(String.class).one();
    }

    /** The earliest retry (or claim expiry) still in the future, so an idle dispatcher sleeps exactly until then. */
    OptionalLong nextDueAfter(long now) {
        Long next = jdbi.withHandle(h -> h.createQuery(
                        "select min(next_attempt_at) from webhook_message where state = 'pending' and next_attempt_at > :now")
                .bind("now", now).mapTo(Long.class).one());
        return next == null ? OptionalLong.empty() : OptionalLong.of(next);
    }

    long pendingCount() {
        return jdbi.withHandle(h -> h.createQuery(
                        "select count(*) from webhook_message where state in ('pending', 'waiting')")
                .mapTo(Long.class).one());
    }

    /**
     * Sends a message again as a new attempt series with the same id and body. It waits if its application's
     * queue has a head in progress, like any other message. An explicit replay lifts a 410 stop for that URL and
     * application. False when the partner has no such message.
     */
    boolean replay(long partnerId, String messageId, long now) {
        return jdbi.inTransaction(h -> {
            Optional<String[]> target = h.createQuery(
                            "select application_id, url from webhook_message where id = :id and partner_id = :partner")
                    .bind("id", messageId).bind("partner", partnerId)
                    .map((rs, ctx) -> new String[]{rs.getString(1), rs.getString(2)})
                    .findOne();
            if (target.isEmpty()) return false;
            String app = target.get()[0];
            lockApplication(h, app);
            h.createUpdate("delete from webhook_gone where application_id = :app and url_hash = :hash")
                    .bind("app", app).bind("hash", Sha256.hex(target.get()[1])).execute();
            boolean otherHead = h.createQuery("select count(*) from webhook_message where application_id = :app "
                            + "and state = 'pending' and id <> :id")
                    .bind("app", app).bind("id", messageId).mapTo(Integer.class).one() > 0;
            h.createUpdate("""
                            update webhook_message set state = case when state = 'waiting' or :otherHead then 'waiting'
                                   else 'pending' end, series = series + 1, attempts = 0, next_attempt_at = :now,
                                   lease_until = 0, claim_token = null, finished_at = null
                            where id = :id""")
                    .bind("id", messageId).bind("now", now).bind("otherHead", otherHead).execute();
            return true;
        });
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

}
