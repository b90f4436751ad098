package dev.akepa.review;

import dev.akepa.audit.AuditKind;
import dev.akepa.audit.AuditRecord;
import dev.akepa.sanctions.EvidenceMatch;
import dev.akepa.sanctions.SanctionsAlerts;
import dev.akepa.sanctions.SanctionsModule;
import dev.akepa.sanctions.SanctionsRoutes;
import dev.akepa.verification.ReasonKinds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * "Why is this case here": the reasons of the verification that sent the application where it is (the latest
 * audited change by identification, verification, documents or a customer update), sorted into data checks and
 * KYB structure problems, and the sanctions candidates with the screening's evidence and their alerts.
 */
final class CaseReasons {
    private static final Set<String> VERIFYING = Set.of("identification", "verification", "documents", "customer-update");
    /** Reasons are joined as "entity: reason; entity: reason"; a sanctions reason has "; " of its own inside. */
    private static final Pattern ENTITY_REASONS = Pattern.compile("; (?=[0-9A-Za-z_]+: )");

    private final SanctionsModule sanctions;

    CaseReasons(SanctionsModule sanctions) {
        this.sanctions = sanctions;
    }

    CasePage.Why of(String customerId, List<AuditRecord> trail, Map<String, String> entityNames) {
        List<CasePage.Reason> reasons = new ArrayList<>();
        String at = null;
        for (int i = trail.size() - 1; i >= 0; i--) {
            var e = trail.get(i).entry();
            if (e.kind() != AuditKind.APPLICATION || !VERIFYING.contains(e.trigger()) || e.reason().isBlank()) continue;
            at = dev.akepa.http.Times.format(java.time.Instant.ofEpochMilli(e.atMillis()));
            for (String part : ENTITY_REASONS.split(e.reason())) {
                int colon = part.indexOf(": ");
                String entity = colon > 0 ? part.substring(0, colon) : "";
                String text = colon > 0 ? part.substring(colon + 2) : part;
                if (text.startsWith("customer data changed")) continue;
                reasons.add(new CasePage.Reason(entity, entityNames.getOrDefault(entity, entity), text,
                        kindLabel(ReasonKinds.of(text))));
            }
            break;
        }
        return new CasePage.Why(at, reasons, candidates(customerId, entityNames));
    }

    private List<CasePage.Candidate> candidates(String customerId, Map<String, String> entityNames) {
        Map<String, String> alertStatus = new HashMap<>();
        for (SanctionsAlerts.Alert a : sanctions.alerts().ofCustomer(customerId)) {
            alertStatus.put(a.entityId() + " " + a.entryId(), a.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " alert");
        }
        List<CasePage.Candidate> out = new ArrayList<>();
        for (SanctionsRoutes.EntityView entity : sanctions.evidenceOf(customerId)) {
            for (EvidenceMatch m : entity.matches()) {
                out.add(new CasePage.Candidate(entity.entityId(), entityNames.getOrDefault(entity.entityId(), entity.entityId()),
                        m.entryId(), m.name(), m.matchedName(), String.format(Locale.ROOT, "%.4f", m.score()),
                        String.format(Locale.ROOT, "%.4f", m.nameScore()), String.join(", ", m.programs()), m.type(),
                        String.join(", ", m.datesOfBirth()),
                        String.join(", ", m.countries().stream().map(FieldLabels::country).toList()),
                        m.contributions(), entity.dtsScreenedAt(),
                        alertStatus.getOrDefault(entity.entityId() + " " + m.entryId(), "")));
            }
        }
        return out;
    }

    private static String kindLabel(ReasonKinds.Kind kind) {
        return switch (kind) {
            case SANCTIONS -> "sanctions";
            case KYB_STRUCTURE -> "KYB structure";
            case DATA_CHECK -> "data check";
            case OTHER -> "verdict";
        };
    }
}
