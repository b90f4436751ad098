package dev.akepa.audit;

import dev.akepa.json.Json;
import tools.jackson.databind.node.ArrayNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The row hash: SHA-256 (lowercase hex) of the row's canonical content, a compact JSON array in a fixed order
 * (docs/review.md spells it out so the chain can be checked without Akepa).
 */
final class AuditHash {
    static final String GENESIS = "0".repeat(64);

    private AuditHash() {}

    static String of(long id, AuditEntry e, String prevHash) {
        return sha256(canonical(id, e, prevHash));
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

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
