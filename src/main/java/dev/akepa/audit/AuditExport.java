package dev.akepa.audit;

import dev.akepa.json.Json;
import org.jdbi.v3.core.Jdbi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit trail for an examiner, as JSON lines: one line per row (every column, both hashes, its chain), in id
 * order, then one seal line with the chain heads read before the rows, their seal (the one `./akepa audit verify`
 * prints) and the row count. {@link #verify} checks such a file without a database (docs/review.md#audit-export).
 */
public final class AuditExport {
    private static final int PAGE = 1000;

    private final Jdbi jdbi;

    public AuditExport(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Which rows: one customer's, or those written in [fromMillis, toMillis). */
    public record Filter(String customerId, long fromMillis, long toMillis) {
        public static Filter customer(String customerId) {
            return new Filter(customerId, 0, Long.MAX_VALUE);
        }

        public static Filter range(long fromMillis, long toMillis) {
            return new Filter(null, fromMillis, toMillis);
        }
    }

    /** Writes the export; returns the number of rows. {@code exportedBy}: who asked, written in the seal line. */
    public long write(Filter filter, String exportedBy, long nowMillis, OutputStream out) throws IOException {
        List<AuditVerifier.Head> heads = jdbi.withHandle(h -> h.createQuery("select chain, last_id, last_hash from audit_chain_head order by chain")
                .map((rs, c) -> new AuditVerifier.Head(rs.getString("chain"), rs.getLong("last_id"), rs.getString("last_hash"))).list());
        Map<String, Long> lastIds = new HashMap<>();
        heads.forEach(hd -> lastIds.put(hd.chain(), hd.lastId()));
        long rows = 0;
        long after = -1;
        String where = filter.customerId() != null ? "customer_id = :c" : "at_millis >= :from and at_millis < :to";
        while (true) {
            long from = after;
            List<Map.Entry<AuditRecord, String>> page = jdbi.withHandle(h -> h.createQuery("select " + AuditTrail.COLUMNS
                            + ", chain from audit_event where " + where + " and id > :after order by id limit " + PAGE)
                    .bind("c", filter.customerId()).bind("from", filter.fromMillis()).bind("to", filter.toMillis())
                    .bind("after", from)
                    .map((rs, c) -> Map.entry(AuditTrail.MAPPER.map(rs, c), rs.getString("chain"))).list());
            for (var row : page) {
                after = row.getKey().id();
                // Only rows the heads cover: a row appended after they were read belongs to the next export.
                if (row.getKey().id() > lastIds.getOrDefault(row.getValue(), -1L)) continue;
                out.write(Json.MAPPER.writeValueAsBytes(line(row.getKey(), row.getValue())));
                out.write('\n');
                rows++;
            }
            if (page.size() < PAGE) break;
        }
        ObjectNode seal = Json.object();
        seal.put("seal", AuditVerifier.seal(heads));
        ArrayNode headsNode = seal.putArray("heads");
        for (AuditVerifier.Head hd : heads) {
            headsNode.add(Json.object().put("chain", hd.chain()).put("lastId", hd.lastId()).put("lastHash", hd.lastHash()));
        }
        seal.put("rows", rows).put("exportedBy", exportedBy).put("exportedAtMillis", nowMillis);
        if (filter.customerId() != null) seal.put("customerId", filter.customerId());
        else seal.put("fromMillis", filter.fromMillis()).put("toMillis", filter.toMillis());
        out.write(Json.MAPPER.writeValueAsBytes(seal));
        out.write('\n');
        return rows;
    }

    private static ObjectNode line(AuditRecord r, String chain) {
        AuditEntry e = r.entry();
        ObjectNode n = Json.object();
        n.put("id", r.id()).put("chain", chain).put("kind", e.kind().wire()).put("customerId", e.customerId())
                .put("applicationId", e.applicationId());
        if (e.partnerId() == null) n.putNull("partnerId");
        else n.put("partnerId", e.partnerId());
        n.put("actor", e.actor()).put("trigger", e.trigger()).put("reason", e.reason())
                .put("before", e.beforeJson()).put("after", e.afterJson()).put("atMillis", e.atMillis())
                .put("prevHash", r.prevHash()).put("rowHash", r.rowHash());
        return n;
    }

    /**
     * Checks an export offline: every row's content against its hash, consecutive rows of a chain against each
     * other, a row at a chain's head against the head's hash, the heads against the seal, and the row count.
     */
    public static ChainVerification verify(Path file) {
        List<String> lines;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = reader.lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.isEmpty()) return new ChainVerification.Broken(0, "the file is empty: no seal line");
        JsonNode sealLine = Json.MAPPER.readTree(lines.getLast());
        if (!sealLine.has("seal") || !sealLine.path("heads").isArray()) {
            return new ChainVerification.Broken(0, "the last line is not the seal line (the file was cut short)");
        }
        Map<String, AuditVerifier.Head> heads = new HashMap<>();
        List<AuditVerifier.Head> ordered = new java.util.ArrayList<>();
        for (JsonNode h : sealLine.get("heads")) {
            var head = new AuditVerifier.Head(h.get("chain").asString(), h.get("lastId").asLong(), h.get("lastHash").asString());
            heads.put(head.chain(), head);
            ordered.add(head);
        }
        if (!AuditVerifier.seal(ordered).equals(sealLine.get("seal").asString())) {
            return new ChainVerification.Broken(0, "the heads do not match the seal");
        }
        Map<String, JsonNode> previous = new HashMap<>();
        long rows = 0;
        for (String text : lines.subList(0, lines.size() - 1)) {
            JsonNode n = Json.MAPPER.readTree(text);
            long id = n.get("id").asLong();
            String chain = n.get("chain").asString();
            AuditVerifier.Head head = heads.get(chain);
            if (head == null || id > head.lastId()) return new ChainVerification.Broken(id, "row is beyond the chain head");
            AuditEntry entry = new AuditEntry(AuditKind.fromWire(n.get("kind").asString()), text(n, "customerId"),
                    text(n, "applicationId"), n.get("partnerId").isNull() ? null : n.get("partnerId").asLong(),
                    n.get("actor").asString(), n.get("trigger").asString(), n.get("reason").asString(), text(n, "before"),
                    text(n, "after"), n.get("atMillis").asLong());
            String prevHash = n.get("prevHash").asString();
            if (!AuditHash.of(id, entry, prevHash).equals(n.get("rowHash").asString())) {
                return new ChainVerification.Broken(id, "content does not match row_hash");
            }
            JsonNode before = previous.get(chain);
            long step = AuditVerifier.FIRST_CHAIN.equals(chain) ? 1 : AuditTrail.STRIPES;
            if (before != null && before.get("id").asLong() >= id) return new ChainVerification.Broken(id, "rows are out of order");
            if (before != null && before.get("id").asLong() + step == id && !before.get("rowHash").asString().equals(prevHash)) {
                return new ChainVerification.Broken(id, "prev_hash does not match the hash of row " + before.get("id").asLong());
            }
            if (id == head.lastId() && !head.lastHash().equals(n.get("rowHash").asString())) {
                return new ChainVerification.Broken(id, "row_hash differs from the hash recorded in the chain head");
            }
            previous.put(chain, n);
            rows++;
        }
        if (rows != sealLine.path("rows").asLong(-1)) {
            return new ChainVerification.Broken(0, "the seal line counts " + sealLine.path("rows").asLong(-1) + " rows, the file has " + rows);
        }
        return new ChainVerification.Intact(rows, sealLine.get("seal").asString());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
