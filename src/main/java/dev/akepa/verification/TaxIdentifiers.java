package dev.akepa.verification;

import java.util.Optional;
import java.util.Set;

/**
 * Structural rules of US taxpayer numbers: what an issued SSN, ITIN or EIN can look like. A number that passes
 * may still not exist; one that fails was never issued. Reasons never repeat the number itself.
 */
final class TaxIdentifiers {
    /**
     * Numbers the SSA voided after they were printed as specimens (the 1938 wallet card, a 1940s advertisement)
     * and the textbook example; no applicant can hold them.
     */
    private static final Set<String> SPECIMEN_SSNS = Set.of("078051120", "219099999", "123456789");

    /** First two digits of an EIN, from the IRS list of prefixes its campuses, online service and SBA assign. */
    private static final Set<Integer> EIN_PREFIXES = Set.of(
            1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14, 15, 16, 20, 21, 22, 23, 24, 25, 26, 27,
            30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48,
            50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68,
            71, 72, 73, 74, 75, 76, 77, 80, 81, 82, 83, 84, 85, 86, 87, 88, 90, 91, 92, 93, 94, 95, 98, 99);

    private TaxIdentifiers() {}

    static boolean isSpecimenSsn(String value) {
        return SPECIMEN_SSNS.contains(value);
    }

    /** Area 001–899 except 666, group 01–99, serial 0001–9999. */
    static Optional<String> ssnProblem(String value) {
        if (!isNineDigits(value)) return Optional.of("SSN must be 9 digits");
        int area = Integer.parseInt(value.substring(0, 3));
        if (area == 0 || area == 666 || area >= 900) return Optional.of("SSN area number is never issued (000, 666 or 900-999)");
        if (value.startsWith("00", 3)) return Optional.of("SSN group number 00 is never issued");
        if (value.startsWith("0000", 5)) return Optional.of("SSN serial number 0000 is never issued");
        return Optional.empty();
    }

    /** Starts with 9; the fourth and fifth digits are 50–65, 70–88, 90–92 or 94–99. */
    static Optional<String> itinProblem(String value) {
        if (!isNineDigits(value)) return Optional.of("ITIN must be 9 digits");
        if (value.charAt(0) != '9') return Optional.of("ITIN must start with 9");
        int group = Integer.parseInt(value.substring(3, 5));
        boolean issued = (group >= 50 && group <= 65) || (group >= 70 && group <= 88)
                || (group >= 90 && group <= 92) || group >= 94;
        return issued ? Optional.empty() : Optional.of("ITIN digits 4-5 are not in an issued range");
    }

    static Optional<String> einProblem(String value) {
        if (!isNineDigits(value)) return Optional.of("FEIN must be 9 digits");
        if (!EIN_PREFIXES.contains(Integer.parseInt(value.substring(0, 2)))) {
            return Optional.of("FEIN prefix " + value.substring(0, 2) + " is not assigned by the IRS");
        }
        return Optional.empty();
    }

    private static boolean isNineDigits(String value) {
        return value != null && value.matches("[0-9]{9}");
    }
}
