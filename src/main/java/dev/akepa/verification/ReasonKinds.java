package dev.akepa.verification;

import java.util.List;

/**
 * What a verification reason is about, for the review console's "why is this case here" panel. The words are
 * the ones this package writes (ProductionVerification, OwnershipStructure, DataChecks), so they are sorted here.
 */
public final class ReasonKinds {
    public enum Kind { SANCTIONS, KYB_STRUCTURE, DATA_CHECK, OTHER }

    private static final List<String> STRUCTURE = List.of("no representatives", "no control person", "ownership adds up");
    private static final List<String> NOT_DATA = List.of("sandbox trigger", "beneficial owner", "no beneficial owner",
            "documents ", "the data checks find no problem", "documents verified");

    private ReasonKinds() {}

    public static Kind of(String reason) {
        String r = reason.startsWith("compare with the documents: ") ? reason.substring(28) : reason;
        if (r.contains("possible OFAC")) return Kind.SANCTIONS;
        if (STRUCTURE.stream().anyMatch(r::startsWith) || (r.startsWith("representatives ") && r.endsWith("give the same SSN"))) {
            return Kind.KYB_STRUCTURE;
        }
        if (NOT_DATA.stream().anyMatch(r::startsWith)) return Kind.OTHER;
        return Kind.DATA_CHECK;
    }
}
