package dev.akepa.verification;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The KYB structure checks of the FinCEN customer due diligence rule (31 CFR 1010.230), on the business entity:
 * a legal entity names one individual with significant responsibility to control it (the control prong) and every
 * individual owning 25 % or more of it (the ownership prong). Representatives are verified as persons in their own
 * right, so every beneficial owner is; what is left to check here is the structure itself. See methodology.md.
 */
final class OwnershipStructure {
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** 31 CFR 1010.230(d)(1): a beneficial owner owns 25 percent or more of the equity interests. */
    static final BigDecimal BENEFICIAL_OWNER_SHARE = BigDecimal.valueOf(25);

    private OwnershipStructure() {}

    static void check(Subject.Business business, List<DataProblem> problems) {
        List<Subject.Representative> representatives =
                business.representatives() == null ? List.of() : business.representatives();
        if (representatives.isEmpty()) {
            problems.add(DataProblem.correctable("no representatives: a business names the people who own and control it"));
            return;
        }
        if (controlPersonRequired(business.businessType())
                && representatives.stream().noneMatch(Subject.Representative::isController)) {
            problems.add(DataProblem.correctable("no control person: no representative has isController true"));
        }
        BigDecimal total = representatives.stream().map(Subject.Representative::ownershipPercentage)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(HUNDRED) > 0) {
            problems.add(DataProblem.correctable("ownership adds up to " + total.stripTrailingZeros().toPlainString()
                    + " %, more than 100 %"));
        }
        for (List<String> group : business.sameSsnGroups() == null ? List.<List<String>>of() : business.sameSsnGroups()) {
            problems.add(DataProblem.correctable("representatives " + String.join(", ", group) + " give the same SSN"));
        }
    }

    /**
     * A sole proprietorship is not a legal entity customer (1010.230(e)(1) covers entities created by a filing):
     * its proprietor is verified as a person and there is no one else to name. Every other type of the closed set
     * must name a control person; a non-profit only that (1010.230(e)(3)), which the checks here already are.
     */
    static boolean controlPersonRequired(String businessType) {
        return !"SOLE_PROPRIETORSHIP".equals(businessType);
    }

    /** Representatives whose share makes them beneficial owners (for the docs' and the reviewer's wording). */
    static String beneficialOwners(List<Subject.Representative> representatives) {
        return representatives.stream().filter(r -> r.ownershipPercentage().compareTo(BENEFICIAL_OWNER_SHARE) >= 0)
                .map(Subject.Representative::entityId).collect(Collectors.joining(", "));
    }
}
