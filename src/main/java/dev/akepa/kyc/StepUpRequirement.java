package dev.akepa.kyc;

import dev.akepa.verification.AttachedDocument;

import java.util.List;
import java.util.Set;

/**
 * When attached documents satisfy step-up for one entity (decisions.md): the front and back of one identity
 * document of a two-sided type, or the front of a passport.
 */
final class StepUpRequirement {
    private static final Set<String> TWO_SIDED = Set.of(
            "license", "identification_card", "residence_permit", "canada_provincial_id", "indigenous_card");

    private StepUpRequirement() {}

    static boolean isSatisfied(List<AttachedDocument> documents) {
        boolean passportFront = documents.stream()
                .anyMatch(d -> d.type().equals("passport") && d.view().equals("front"));
        if (passportFront) return true;
        return TWO_SIDED.stream().anyMatch(type -> hasView(documents, type, "front") && hasView(documents, type, "back"));
    }

    private static boolean hasView(List<AttachedDocument> documents, String type, String view) {
        return documents.stream().anyMatch(d -> d.type().equals(type) && d.view().equals(view));
    }
}
