package dev.akepa.review;

import dev.akepa.auth.Reviewer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

import java.time.Clock;
import java.util.Optional;

/**
 * Who works a case. A claim is a row per customer; it is live while its holder touched the case within the idle
 * time, so a claim left behind (a closed laptop) frees itself. The primary key decides a race between two
 * reviewers claiming at once: one insert wins, the other reads the winner.
 */
final class CaseClaims {
    private final Jdbi jdbi;
    private final Clock clock;
    private final long idleMillis;

    CaseClaims(Jdbi jdbi, Clock clock, ReviewConfig config) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.idleMillis = config.claimIdle().toMillis();
    }

    /** Oldest seen_at a live claim can have now. */
    long liveSince() {
        return clock.millis() - idleMillis;
    }

    /** The login holding a live claim on the case, if any. */
    Optional<String> holder(String customerId) {
        return jdbi.withHandle(h -> h.createQuery("select r.login from review_claim c join reviewer r on r.id = c.reviewer_id "
                        + "where c.customer_id = :c and c.seen_at >= :live")
                .bind("c", customerId).bind("live", liveSince()).mapTo(String.class).findOne());
    }

    /** Claims the case for the reviewer (or refreshes its own claim); the holder afterwards. */
    String claim(String customerId, Reviewer reviewer) {
        long now = clock.millis();
        boolean mine = jdbi.inTransaction(h -> {
            h.createUpdate("delete from review_claim where customer_id = :c and seen_at < :live")
                    .bind("c", customerId).bind("live", liveSince()).execute();
            return h.createUpdate("update review_claim set seen_at = :now where customer_id = :c and reviewer_id = :r")
                    .bind("now", now).bind("c", customerId).bind("r", reviewer.id()).execute() == 1;
        });
        if (!mine) {
            try {
                jdbi.useHandle(h -> h.createUpdate("insert into review_claim (customer_id, reviewer_id, claimed_at, seen_at) "
                                + "values (:c, :r, :now, :now)")
                        .bind("c", customerId).bind("r", reviewer.id()).bind("now", now).execute());
            } catch (JdbiException lostTheRace) {
                // Another reviewer holds it: answered below.
            }
        }
        return holder(customerId).orElse(reviewer.login());
    }

    /** The holder looked at or acted on the case: its claim stays live. */
    void touch(String customerId, Reviewer reviewer) {
        jdbi.useHandle(h -> h.createUpdate("update review_claim set seen_at = :now where customer_id = :c and reviewer_id = :r "
                        + "and seen_at >= :live")
                .bind("now", clock.millis()).bind("c", customerId).bind("r", reviewer.id()).bind("live", liveSince()).execute());
    }

    void release(String customerId, Reviewer reviewer) {
        jdbi.useHandle(h -> h.createUpdate("delete from review_claim where customer_id = :c and reviewer_id = :r")
                .bind("c", customerId).bind("r", reviewer.id()).execute());
    }

    /** At logout: the reviewer's claims go back to the queue. */
    void releaseAll(Reviewer reviewer) {
        jdbi.useHandle(h -> h.createUpdate("delete from review_claim where reviewer_id = :r").bind("r", reviewer.id()).execute());
    }

    /** The case is free for this reviewer: unclaimed, claimed by it, or its claim lapsed. */
    boolean freeFor(String customerId, Reviewer reviewer) {
        return holder(customerId).map(reviewer.login()::equals).orElse(true);
    }
}
