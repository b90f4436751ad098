package dev.akepa.verification;

import dev.akepa.verification.Verdict.Decision;
import dev.akepa.verification.screening.SanctionsList;
import dev.akepa.verification.screening.SanctionsMatch;
import dev.akepa.verification.screening.ScreeningQuery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

    private final SanctionsList sanctions;
    private final DataChecks dataChecks;
    private final double threshold;

    /**
     * @param threshold screening score at or above which a name is a possible match, in (0, 1];
     *                  {@link SanctionsList#DEFAULT_THRESHOLD} unless configured
     */
    ProductionVerification(SanctionsList sanctions, Clock clock, double threshold) {
        if (!(threshold > 0 && threshold <= 1)) throw new IllegalArgumentException("threshold must be in (0, 1]: " + threshold);
        this.sanctions = Objects.requireNonNull(sanctions);
        this.dataChecks = new DataChecks(Objects.requireNonNull(clock));
        this.threshold = threshold;
    }

    @Override
    public Verdict verify(Subject subject) {
        List<DataProblem> problems = dataChecks.check(subject);
        List<SanctionsMatch> matches = query(subject).map(q -> sanctions.screen(q, threshold)).orElse(List.of());
        List<String> reasons = new ArrayList<>();
        problems.forEach(p -> reasons.add(p.reason()));
        reasons.addAll(describe(matches));

        if (problems.stream().anyMatch(DataProblem::fraudulent)) return new Verdict(Decision.DENY, reasons);
        if (!matches.isEmpty()) return new Verdict(Decision.REVIEW, reasons);
        if (!problems.isEmpty()) return new Verdict(Decision.DATA_REQUEST, reasons);
        return switch (subject) {
            case Subject.Person p -> Verdict.of(Decision.STEP_UP, "data checks passed; no sanctions match; identity documents required");
            case Subject.Business b -> Verdict.of(Decision.APPROVE, "data checks passed; no sanctions match");
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

    /** Empty when the subject has no name at all (the data checks report that). */
    private static Optional<ScreeningQuery> query(Subject subject) {
        return switch (subject) {
            case Subject.Person p -> isBlank(p.firstName()) && isBlank(p.lastName()) ? Optional.empty()
                    : Optional.of(ScreeningQuery.person(p.firstName(), p.lastName(),
                            DataChecks.parseDate(p.dateOfBirth()).orElse(null), countries(p)));
            case Subject.Business b -> {
                List<String> names = Stream.of(b.businessName(), b.doingBusinessAs()).filter(n -> !isBlank(n)).toList();
                yield names.isEmpty() ? Optional.empty() : Optional.of(ScreeningQuery.business(names, countries(b)));
            }
        };
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Every well-formed country code the subject carries: citizenship, addresses, document issuers. */
    private static Set<String> countries(Subject subject) {
        Set<String> codes = new LinkedHashSet<>();
        List<Subject.Address> addresses;
        List<Subject.IdentityDocument> documents;
        switch (subject) {
            case Subject.Person p -> {
                codes.add(p.citizenshipCountryCodeA3());
                addresses = p.addresses();
                documents = p.identificationDocuments();
            }
            case Subject.Business b -> {
                addresses = b.addresses();
                documents = b.identificationDocuments();
            }
        }
        if (addresses != null) addresses.forEach(a -> codes.add(a.countryCodeA3()));
        if (documents != null) documents.forEach(d -> codes.add(d.issuanceCountryCodeA3()));
        codes.removeIf(code -> !DataChecks.isCountryCode(code));
        return codes;
    }

    private List<String> describe(List<SanctionsMatch> matches) {
        List<String> reasons = new ArrayList<>();
        for (SanctionsMatch match : matches.subList(0, Math.min(matches.size(), MAX_MATCHES_IN_REASONS))) {
            reasons.add(String.format(Locale.ROOT,
                    "possible OFAC SDN match: entry %d \"%s\" (%s), name \"%s\", score %.4f (threshold %.4f);"
                            + " date of birth %s; country %s",
                    match.entityNumber(), match.entry().name(), match.entry().programList(), match.matchedName(),
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
