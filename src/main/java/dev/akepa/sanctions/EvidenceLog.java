package dev.akepa.sanctions;

import dev.akepa.json.Json;
import dev.akepa.verification.ScreeningRecorder;
import dev.akepa.verification.screening.Screening;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import tools.jackson.core.type.TypeReference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Every screening of every entity, kept as evidence: what was screened against which list version, and found. */
final class EvidenceLog implements ScreeningRecorder {
    private static final TypeReference<List<EvidenceMatch>> MATCHES = new TypeReference<>() {};
    private final Jdbi jdbi;

    public EvidenceLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One entity's latest screening. */
    public record EntityEvidence(String entityId, long evidenceId, long listVersion, long screenedAtMillis, String trigger,
                                 List<EvidenceMatch> matches) {}

    @Override
    public void record(Handle h, String customerId, long partnerId, String entityId, String trigger, Screening screening) {
        insert(h, customerId, partnerId, entityId, trigger, screening.listVersion(), screening.screenedAtMillis(),
                screening.matches().stream().map(EvidenceMatch::of).toList());
    }

    long insert(Handle h, String customerId, long partnerId, String entityId, String trigger, long listVersion,
                long atMillis, List<EvidenceMatch> matches) {
        return h.createQuery("""
                        insert into screening_evidence
                          (customer_id, partner_id, entity_id, list_version, screened_at, trigger_kind, entry_ids, matches)
                        values (:customer, :partner, :entity, :version, :at, :trigger, :entries, :matches)
                        returning id""")
                .bind("customer", customerId).bind("partner", partnerId).bind("entity", entityId)
                .bind("version", listVersion).bind("at", atMillis).bind("trigger", trigger)
                .bind("entries", matches.stream().map(EvidenceMatch::entryId).collect(Collectors.joining(",")))
                .bind("matches", Json.MAPPER.writeValueAsString(matches))
                .mapTo(Long.class).one();
    }

    /** One screening to store in a batch. */
    record NewEvidence(String customerId, long partnerId, String entityId, List<EvidenceMatch> matches) {}

    /** Many screenings in one round trip (re-screening: most have no candidate, and need no id back). */
    void insertAll(Handle h, String trigger, long listVersion, long atMillis, List<NewEvidence> rows) {
        if (rows.isEmpty()) return;
        var batch = h.prepareBatch("""
                insert into screening_evidence
                  (customer_id, partner_id, entity_id, list_version, screened_at, trigger_kind, entry_ids, matches)
                values (:customer, :partner, :entity, :version, :at, :trigger, :entries, :matches)""");
        for (NewEvidence row : rows) {
            batch.bind("customer", row.customerId()).bind("partner", row.partnerId()).bind("entity", row.entityId())
                    .bind("version", listVersion).bind("at", atMillis).bind("trigger", trigger)
                    .bind("entries", row.matches().stream().map(EvidenceMatch::entryId).collect(Collectors.joining(",")))
                    .bind("matches", row.matches().isEmpty() ? "[]" : Json.MAPPER.writeValueAsString(row.matches())).add();
        }
        batch.execute();
    }

    /** The latest screening of each of the customer's entities, in the order they were first screened. */
    public List<EntityEvidence> latestOf(String customerId) {
        return jdbi.withHandle(h -> {
            Map<String, EntityEvidence> latest = new LinkedHashMap<>();
            h.createQuery("""
                            select id, entity_id, list_version, screened_at, trigger_kind, matches from screening_evidence
                            where customer_id = :customer order by id""")
                    .bind("customer", customerId)
                    .map((rs, ctx) -> new EntityEvidence(rs.getString("entity_id"), rs.getLong("id"), rs.getLong("list_version"),
                            rs.getLong("screened_at"), rs.getString("trigger_kind"),
                            Json.MAPPER.readValue(rs.getString("matches"), MATCHES)))
                    .forEach(e -> {
                        if (latest.containsKey(e.entityId())) latest.replace(e.entityId(), e); else latest.put(e.entityId(), e);
                    });
            return new ArrayList<>(latest.values());
        });
    }

    /** Entity id → every entry id any earlier screening found for it, for the customers from first to last id. */
    Map<String, Set<String>> seenEntries(Handle h, String firstCustomer, String lastCustomer) {
        Map<String, Set<String>> seen = new HashMap<>();
        h.createQuery("""
                        select entity_id, entry_ids from screening_evidence
                        where customer_id >= :first and customer_id <= :last and entry_ids <> ''""")
                .bind("first", firstCustomer).bind("last", lastCustomer)
                .map((rs, ctx) -> Map.entry(rs.getString("entity_id"), rs.getString("entry_ids")))
                .forEach(e -> seen.computeIfAbsent(e.getKey(), k -> new HashSet<>()).addAll(Arrays.asList(e.getValue().split(","))));
        return seen;
    }
}
