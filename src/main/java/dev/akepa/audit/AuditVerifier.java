package dev.akepa.audit;

import org.jdbi.v3.core.Jdbi;

import java.util.List;

/**
 * Walks the whole chain in id order: ids without gaps, each prev_hash equal to the previous row's hash, each
 * row_hash equal to the hash of the row's content, and the head at the last row. Reads in pages, so the trail's
 * size does not matter.
 */
public final class AuditVerifier {
    private static final int PAGE = 1000;
    private final Jdbi jdbi;

    public AuditVerifier(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public ChainVerification verify() {
        record Head(long lastId, String lastHash) {}
        // Read the head first: rows up to it are committed (the head moves in the same transaction as its row).
        Head head = jdbi.withHandle(h -> h.createQuery("select last_id, last_hash from audit_chain_head where chain = 'main'")
                .map((rs, c) -> new Head(rs.getLong("last_id"), rs.getString("last_hash"))).one());
        long previousId = 0;
        String previousHash = AuditHash.GENESIS;
        while (true) {
            long after = previousId;
            List<AuditRecord> page = jdbi.withHandle(h -> h.createQuery("select " + AuditTrail.COLUMNS
                            + " from audit_event where id > :after and id <= :last order by id limit " + PAGE)
                    .bind("after", after).bind("last", head.lastId()).map(AuditTrail.MAPPER).list());
            for (AuditRecord row : page) {
                if (row.id() != previousId + 1) {
                    return new ChainVerification.Broken(row.id(), "row " + (previousId + 1) + " before it is missing");
                }
                if (!row.prevHash().equals(previousHash)) {
                    return new ChainVerification.Broken(row.id(), "prev_hash does not match the hash of row " + previousId);
                }
                if (!AuditHash.of(row.id(), row.entry(), row.prevHash()).equals(row.rowHash())) {
                    return new ChainVerification.Broken(row.id(), "content does not match row_hash");
                }
                previousId = row.id();
                previousHash = row.rowHash();
            }
            if (page.size() < PAGE) break;
        }
        if (previousId != head.lastId()) {
            return new ChainVerification.Broken(previousId + 1,
                    "the chain head records row " + head.lastId() + " but the trail ends at row " + previousId);
        }
        if (!previousHash.equals(head.lastHash())) {
            return new ChainVerification.Broken(previousId, "row_hash differs from the hash recorded in the chain head");
        }
        // A row beyond the head was not appended through the lock (the head is re-read: appends go on meanwhile).
        Long stray = jdbi.withHandle(h -> h.createQuery("select min(e.id) from audit_event e join audit_chain_head c "
                + "on c.chain = 'main' where e.id > c.last_id").mapTo(Long.class).one());
        if (stray != null) return new ChainVerification.Broken(stray, "row is beyond the chain head");
        return new ChainVerification.Intact(previousId, previousHash);
    }
}
