package dev.akepa.audit;

import dev.akepa.crypto.Sha256;
import dev.akepa.json.Json;
import tools.jackson.databind.node.ArrayNode;


/**
 * The row hash: SHA-256 (lowercase hex) of the row's canonical content, a compact JSON array in a fixed order
 * (docs/review.md spells it out so the chain can be checked without Akepa).
 */
final class AuditHash {
    static final String GENESIS = "0".repeat(64);

    private AuditHash() {}

    static String of(long id, AuditEntry e, String prevHash) {
        return Sha256.hex(canonical(id, e, prevHash));
    }

    static String canonical(long id, AuditEntry e, String prevHash) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        a.add(id);
        a.add(e.kind().wire());
        a.add(e.customerId());
        a.add(e.applicationId());
        a.add(e.partnerId());
        a.add(e.actor());
        a.add(e.trigger());
        a.add(e.reason());
        a.add(e.beforeJson());
        a.add(e.afterJson());
        a.add(e.atMillis());
        a.add(prevHash);
        return Json.MAPPER.writeValueAsString(a);
    }

}
