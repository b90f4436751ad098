package dev.akepa.verification;

import dev.akepa.verification.Verdict.Decision;
import dev.akepa.verification.screening.CurrentList;
import dev.akepa.verification.screening.SanctionsList;
import dev.akepa.verification.screening.Screening;
import dev.akepa.verification.screening.SanctionsMatch;
import dev.akepa.verification.screening.SdnEntry;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Production mode: data checks and OFAC SDN screening at identification, a content check on the documents, and
 * a human for documents that answer a data request.
 *
 * <p>At identification, in this order: data that can only be fraudulent (a published specimen SSN) → DENY;
 * a possible sanctions match → REVIEW, since a fuzzy match is never proof and a human decides; other data
 * problems → DATA_REQUEST; otherwise a person must show identity documents (STEP_UP) and a business is approved.
 * Screening runs even when the data has problems, so a listed name is never sent back merely for a typo in a ZIP
 * code; every finding is listed in the reasons.
 */
final class ProductionVerification implements VerificationProvider {
    /** Reasons name at most this many matches, best first, so a very common name does not flood the review. */
    static final int MAX_MATCHES_IN_REASONS = 10;

    private final CurrentList sanctions;
    private final DataChecks dataChecks;
    private final Clock clock;
    private final double threshold;

    /**
     * @param threshold screening score at or above which a name is a possible match, in (0, 1];
     *                  {@link SanctionsList#DEFAULT_THRESHOLD} unless configured
     */
    public ProductionVerification(CurrentList sanctions, Clock clock, double threshold) {
        if (!(threshold > 0 && threshold <= 1)) throw new IllegalArgumentException("threshold must be in (0, 1]: " + threshold);
        this.sanctions = Objects.requireNonNull(sanctions);
        this.dataChecks = new DataChecks(Objects.requireNonNull(clock));
        this.clock = clock;
        this.threshold = threshold;
    }

    /** Against one fixed list (tests). */
    public ProductionVerification(SanctionsList sanctions, Clock clock, double threshold) {
        this(CurrentList.fixed(0, Objects.requireNonNull(sanctions)), clock, threshold);
    }

    /**
     * @throws IllegalStateException when no list version is loaded yet: production never approves unscreened
     *                               (start-up waits for a list, so this only happens on a misconfigured node)
     */
    @Override
    public Verdict verify(Subject subject) {
        List<DataProblem> problems = dataChecks.check(subject);
        CurrentList.ListIndex index = sanctions.current()
                .orElseThrow(() -> new IllegalStateException("no sanctions list is loaded; screening cannot run"));
        List<SanctionsMatch> matches = ScreeningQueries.of(subject).map(q -> index.list().screen(q, threshold)).orElse(List.of());
        Screening screening = new Screening(index.version(), clock.millis(), matches);
        List<String> reasons = new ArrayList<>();
        problems.forEach(p -> reasons.add(p.reason()));
        reasons.addAll(describe(matches));

        if (problems.stream().anyMatch(DataProblem::fraudulent)) return new Verdict(Decision.DENY, reasons, screening);
        if (!matches.isEmpty()) return new Verdict(Decision.REVIEW, reasons, screening);
        if (!problems.isEmpty()) return new Verdict(Decision.DATA_REQUEST, reasons, screening);
        return switch (subject) {
            case Subject.Person p -> new Verdict(Decision.STEP_UP,
                    List.of("data checks passed; no sanctions match; identity documents required"), screening);
            case Subject.Business b -> new Verdict(Decision.APPROVE,
                    List.of("data checks passed; no sanctions match; " + beneficialOwners(b)), screening);
        };
    }

    /**
     * Documents arrive already checked for format and completeness; what is left to notice cheaply is the same
     * image attached twice (as front and back), which a human should look at.
     */
    @Override
    public Verdict checkDocuments(Subject subject, List<AttachedDocument> documents) {
        List<String> reasons = identicalContent(documents);
        return reasons.isEmpty() ? Verdict.of(Decision.APPROVE, "documents verified") : new Verdict(Decision.REVIEW, reasons);
    }

    /**
     * Always a human: whether a document shows that flagged data is right (or what the right data is) is not
     * something these checks can tell. The reasons name the documents and the problems the checks find now, so
     * the reviewer knows what to compare.
     */
    @Override
    public DataRequestVerdict checkDataRequestDocuments(Subject subject, List<AttachedDocument> documents) {
        List<String> reasons = new ArrayList<>();
        reasons.add("documents attached for the data request: " + documents.stream()
                .map(AttachedDocument::describe).collect(Collectors.joining(", ")));
        List<DataProblem> problems = dataChecks.check(subject);
        if (problems.isEmpty()) reasons.add("the data checks find no problem any more");
        problems.forEach(p -> reasons.add("compare with the documents: " + p.reason()));
        reasons.addAll(identicalContent(documents));
        return new DataRequestVerdict.Review(reasons);
    }

    private static List<String> identicalContent(List<AttachedDocument> documents) {
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            for (int j = i + 1; j < documents.size(); j++) {
                AttachedDocument a = documents.get(i);
                AttachedDocument b = documents.get(j);
                if (a.sha256() != null && a.sha256().equalsIgnoreCase(b.sha256())) {
                    reasons.add("documents " + a.describe() + " and " + b.describe() + " have identical content");
                }
            }
        }
        return reasons;
    }

    /** Representatives are entities of their own, so each beneficial owner is verified as a person. */
    private static String beneficialOwners(Subject.Business business) {
        String owners = OwnershipStructure.beneficialOwners(business.representatives());
        return owners.isEmpty() ? "no beneficial owner of 25 % or more"
                : "beneficial owners (25 % or more), verified as persons: " + owners;
    }

    private List<String> describe(List<SanctionsMatch> matches) {
        List<String> reasons = new ArrayList<>();
        for (SanctionsMatch match : matches.subList(0, Math.min(matches.size(), MAX_MATCHES_IN_REASONS))) {
            reasons.add(String.format(Locale.ROOT,
                    "possible OFAC %s match: entry %s \"%s\" (%s), name \"%s\", score %.4f (threshold %.4f);"
                            + " date of birth %s; country %s",
                    match.entry().source() == SdnEntry.Source.SDN ? "SDN" : "consolidated list",
                    match.entry().entryId(), match.entry().name(), match.entry().programList(), match.matchedName(),
                    match.score(), threshold, evidence(match.birthDate()), evidence(match.country())));
        }
        if (matches.size() > MAX_MATCHES_IN_REASONS) {
            reasons.add((matches.size() - MAX_MATCHES_IN_REASONS) + " further possible OFAC SDN matches not listed");
        }
        return reasons;
    }

    private static String evidence(SanctionsMatch.Evidence evidence) {
        return switch (evidence) {
            case MATCH -> "matches";
            case MISMATCH -> "differs";
            case UNKNOWN -> "not compared";
        };
    }
}
