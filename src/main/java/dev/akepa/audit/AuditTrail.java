package dev.akepa.audit;

import dev.akepa.auth.LoginRecorder;
import dev.akepa.json.Json;
import dev.akepa.kyc.ApplicationChange;
import dev.akepa.kyc.ApplicationChangeListener;
import dev.akepa.store.TwoWrites;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The append-only, hash-chained record of every application change, reveal and reviewer login, in
 * {@link #STRIPES} chains: a customer's rows (or, without a customer, an actor's) always go to the same one.
 * Appends lock that chain's head row (updating it, or {@code SELECT … FOR UPDATE}) inside the caller's transaction: concurrent
 * transactions, on one node or several, queue there and each extends the chain the previous one committed. One
 * chain for everything made every change in the system queue on one row until its commit (V4 migration says what
 * that cost). The lock is taken last in every transaction that changes an application, after the application row,
 * so the lock order is the same everywhere.
 */
public final class AuditTrail implements ApplicationChangeListener, LoginRecorder {
    /** How many chains; stripe k assigns the ids that are k modulo this, stepping by it. */
    static final int STRIPES = 16;
    static final String COLUMNS = "id, kind, customer_id, application_id, partner_id, actor, trigger_name, reason, "
            + "before_state, after_state, at_millis, prev_hash, row_hash";
    static final RowMapper<AuditRecord> MAPPER = (rs, ctx) -> new AuditRecord(rs.getLong("id"),
            new AuditEntry(AuditKind.fromWire(rs.getString("kind")), rs.getString("customer_id"),
                    rs.getString("application_id"), rs.getObject("partner_id") == null ? null : rs.getLong("partner_id"), rs.getString("actor"),
                    rs.getString("trigger_name"), rs.getString("reason"), rs.getString("before_state"),
                    rs.getString("after_state"), rs.getLong("at_millis")),
            rs.getString("prev_hash"), rs.getString("row_hash"));

    private final Jdbi jdbi;
    /** The head of each chain as this node's last append left it: where the next append here most likely goes. */
    private final ConcurrentHashMap<String, Head> lastWritten = new ConcurrentHashMap<>();

    private record Head(long lastId, String lastHash) {}

    /** The head's move and the row after it, one statement. */
    private static final TwoWrites APPEND = new TwoWrites(
            "update audit_chain_head set last_id = :id, last_hash = :hash where chain = :chain and last_id = :prevId "
                    + "and last_hash = :prev",
            "insert into audit_event (" + COLUMNS + ", chain) select :id, :kind, :customer, :application, :partner, "
                    + ":actor, :trigger, :reason, :before, :after, :at, :prev, :hash, :chain from {written}");

    public AuditTrail(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void onChange(Handle transaction, ApplicationChange change) {
        var after = change.after();
        append(transaction, new AuditEntry(AuditKind.APPLICATION, after.customerId(), after.applicationId(),
                change.partnerId(), change.actor(), change.trigger(), change.reason(),
                change.before() == null ? null : Json.MAPPER.writeValueAsString(change.before()),
                Json.MAPPER.writeValueAsString(after), change.atMillis()));
    }

    /** Appends in its own transaction. */
    /** Reviewer logins, failures, lock-outs and logouts (auth tells; the audit trail keeps the record). */
    @Override
    public void recordLogin(String login, String action, String detail, long atMillis) {
        append(AuditEntry.reviewerAction(AuditKind.LOGIN, login, action, detail, null, null, atMillis));
    }

    public long append(AuditEntry entry) {
        return jdbi.inTransaction(h -> append(h, entry));
    }

    /**
     * Appends inside the caller's transaction; returns the new row's id. First after the head this node last wrote
     * (one statement, which takes the head's lock as the update it is); when another transaction or node moved the
     * head since, after the head read under lock (two more). A journey's two rows took six statements, now two.
     */
    public long append(Handle h, AuditEntry entry) {
        String chain = stripeOf(entry);
        Head known = lastWritten.get(chain);
        if (known != null) {
            OptionalLong id = appendAfter(h, chain, known, entry);
            if (id.isPresent()) return id.getAsLong();
        }
        Head head = h.createQuery("select last_id, last_hash from audit_chain_head where chain = :chain for update")
                .bind("chain", chain)
                .map((rs, c) -> new Head(rs.getLong("last_id"), rs.getString("last_hash")))
                .one();
        return appendAfter(h, chain, head, entry)
                .orElseThrow(() -> new IllegalStateException("audit chain " + chain + " moved while its head was locked"));
    }

    /**
     * Inserts the row after {@code head} and moves the chain's head to it, if the head is still {@code head}: the
     * update waits for a concurrent appender's commit and then sees its newer head, so nothing is inserted (both
     * engines check the condition again on the row they waited for). A rolled-back append leaves
     * {@link #lastWritten} ahead of the head, which only costs the next append the locked read.
     */
    private OptionalLong appendAfter(Handle h, String chain, Head head, AuditEntry entry) {
        long id = head.lastId() + STRIPES;
        String hash = AuditHash.of(id, entry, head.lastHash());
        int inserted = APPEND.execute(h, append -> append
                .bind("id", id).bind("kind", entry.kind().wire()).bind("customer", entry.customerId())
                .bind("application", entry.applicationId()).bind("partner", entry.partnerId())
                .bind("actor", entry.actor()).bind("trigger", entry.trigger()).bind("reason", entry.reason())
                .bind("before", entry.beforeJson()).bind("after", entry.afterJson()).bind("at", entry.atMillis())
                .bind("prev", head.lastHash()).bind("hash", hash).bind("chain", chain).bind("prevId", head.lastId()));
        if (inserted == 0) return OptionalLong.empty();
        lastWritten.put(chain, new Head(id, hash));
        return OptionalLong.of(id);
    }

    /** The customer's stripe, so its history is one chain in order; String.hashCode is the same in every JVM. */
    static String stripeOf(AuditEntry entry) {
        String key = entry.customerId() != null ? entry.customerId() : entry.actor();
        return "s" + Math.floorMod(key.hashCode(), STRIPES);
    }

    /** Every row about one customer, oldest first. */
    public List<AuditRecord> ofCustomer(String customerId) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from audit_event where customer_id = :c order by id")
                .bind("c", customerId).map(MAPPER).list());
    }
}
