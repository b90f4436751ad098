package dev.akepa.audit;

import dev.akepa.crypto.Sha256;
import org.jdbi.v3.core.Jdbi;

import java.util.List;

/**
 * Walks every chain in id order: each prev_hash equal to the previous row's hash (64 zeros for a chain's first
 * row), ids stepping without gaps, each row_hash equal to the hash of the row's content, and the chain's head at
 * its last row; then no row beyond a head or outside every chain. Reads in pages, so the trail's size does not
 * matter. Reports the broken row with the lowest id.
 */
public final class AuditVerifier {
    private static final int PAGE = 1000;
    /** The chain of the rows written before the trail was striped: ids 1, 2, 3, … */
    static final String FIRST_CHAIN = "main";
    private final Jdbi jdbi;

    public AuditVerifier(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    record Head(String chain, long lastId, String lastHash) {}

    public ChainVerification verify() {
        // Heads first: rows up to them are committed (a head moves in the same transaction as its row).
        List<Head> heads = jdbi.withHandle(h -> h.createQuery(
                        "select chain, last_id, last_hash from audit_chain_head order by chain")
                .map((rs, c) -> new Head(rs.getString("chain"), rs.getLong("last_id"), rs.getString("last_hash"))).list());
        ChainVerification.Broken firstBroken = null;
        long rows = 0;
        for (Head head : heads) {
            ChainVerification result = verify(head);
            switch (result) {
                case ChainVerification.Intact intact -> rows += intact.rows();
                case ChainVerification.Broken broken -> {
                    if (firstBroken == null || broken.rowId() < firstBroken.rowId()) firstBroken = broken;
                }
            }
        }
        if (firstBroken != null) return firstBroken;
        // A row beyond its head, or in no chain, was not appended through a lock (heads are re-read: appends go on).
        Long stray = jdbi.withHandle(h -> h.createQuery("select min(e.id) from audit_event e left join audit_chain_head c "
                + "on c.chain = e.chain where c.chain is null or e.id > c.last_id").mapTo(Long.class).one());
        if (stray != null) return new ChainVerification.Broken(stray, "row is beyond the chain head");
        return new ChainVerification.Intact(rows, seal(heads));
    }

    private ChainVerification verify(Head head) {
        long step = FIRST_CHAIN.equals(head.chain()) ? 1 : AuditTrail.STRIPES;
        long previousId = -1;
        String previousHash = AuditHash.GENESIS;
        long rows = 0;
        while (true) {
            long after = previousId;
            List<AuditRecord> page = jdbi.withHandle(h -> h.createQuery("select " + AuditTrail.COLUMNS
                            + " from audit_event where chain = :chain and id > :after and id <= :last order by id limit " + PAGE)
                    .bind("chain", head.chain()).bind("after", after).bind("last", head.lastId())
                    .map(AuditTrail.MAPPER).list());
            for (AuditRecord row : page) {
                boolean first = previousId < 0;
                if (!first && row.id() != previousId + step) {
                    return new ChainVerification.Broken(row.id(), "row " + (previousId + step) + " before it is missing");
                }
                if (!row.prevHash().equals(previousHash)) {
                    return new ChainVerification.Broken(row.id(), first
                            ? "prev_hash does not match the start of its chain"
                            : "prev_hash does not match the hash of row " + previousId);
                }
                if (!AuditHash.of(row.id(), row.entry(), row.prevHash()).equals(row.rowHash())) {
                    return new ChainVerification.Broken(row.id(), "content does not match row_hash");
                }
                previousId = row.id();
                previousHash = row.rowHash();
                rows++;
            }
            if (page.size() < PAGE) break;
        }
        if (previousId >= 0 ? previousId != head.lastId() : !previousHash.equals(head.lastHash())) {
            return previousId < 0
                    ? new ChainVerification.Broken(head.lastId(), "the chain head records row " + head.lastId()
                            + " but its chain has no rows")
                    : new ChainVerification.Broken(previousId + step, "the chain head records row " + head.lastId()
                            + " but the trail ends at row " + previousId);
        }
        if (!previousHash.equals(head.lastHash())) {
            return new ChainVerification.Broken(previousId, "row_hash differs from the hash recorded in the chain head");
        }
        return new ChainVerification.Intact(rows, head.lastHash());
    }

    /** One value for all heads, to keep outside the database: SHA-256 of "chain last_id last_hash" lines. */
    static String seal(List<Head> heads) {
        StringBuilder text = new StringBuilder();
        for (Head head : heads) text.append(head.chain()).append(' ').append(head.lastId()).append(' ').append(head.lastHash()).append('\n');
        return Sha256.hex(text.toString());
    }
}
