package dev.akepa.testsupport;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/** Request bodies as the rulings describe them, with unique references and tax ids per call. */
public final class Fixtures {
    private Fixtures() {}

    public static String reference() {
        return "ref" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    }

    /**
     * A random SSN that production-mode data checks accept (area 001–899 but not 666, group 01–99, serial
     * 0001–9999, not a specimen): a plain random nine digits fails those checks about one time in nine.
     */
    public static String issuableSsn() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            int area = random.nextInt(1, 900);
            if (area == 666) continue;
            String ssn = String.format("%03d%02d%04d", area, random.nextInt(1, 100), random.nextInt(1, 10_000));
            if (!ssn.equals("078051120") && !ssn.equals("219099999") && !ssn.equals("123456789")) return ssn;
        }
    }

    /** A random FEIN whose two-digit prefix the IRS assigns (12, 20, 45 and 84 all are). */
    public static String issuableFein() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int[] prefixes = {12, 20, 45, 84};
        return String.format("%02d%07d", prefixes[random.nextInt(prefixes.length)], random.nextInt(10_000_000));
    }

    public static String individual(String lastName) {
        return individual(reference(), lastName, issuableSsn());
    }

    public static String individual(String reference, String lastName, String ssn) {
        return """
                {"customerReference":"%s","customerType":"individual","customer":{
                  "firstName":"Jane","lastName":"%s","gender":"F","email":"jane@example.com",
                  "phones":[{"type":"MOBILE","countryDialingCode":"1","phoneNumber":"2125550199"}],
                  "dateOfBirth":"1990-04-12","citizenshipCountryCodeA3":"USA",
                  "addresses":[%s],
                  "identificationDocuments":[{"type":"SSN","value":"%s","issuanceCountryCodeA3":"USA"}]}}"""
                .formatted(reference, lastName, address("PRIMARY", "10001"), ssn);
    }

    /** A business with one representative per last name; ids ExtBusRepId1… unless {@code ids} is given. */
    public static String business(String primaryPostalCode, List<String> repLastNames, List<String> ids) {
        StringBuilder reps = new StringBuilder();
        for (int i = 0; i < repLastNames.size(); i++) {
            if (i > 0) reps.append(',');
            String idField = ids == null ? "" : "\"id\":\"" + ids.get(i) + "\",";
            reps.append("""
                    {%s"firstName":"Rep%d","lastName":"%s","dateOfBirth":"1980-01-0%d","email":"rep%d@example.com",
                     "phones":[{"type":"MOBILE","countryDialingCode":"1","phoneNumber":"2125550100"}],
                     "addresses":[%s],
                     "identificationDocuments":[{"type":"SSN","value":"%s","issuanceCountryCodeA3":"USA"}],
                     "ownershipPercentage":50,"isController":%s,"jobTitle":"Director"}"""
                    .formatted(idField, i, repLastNames.get(i), i + 1, i, address("PRIMARY", "10001"), issuableSsn(), i == 0));
        }
        return """
                {"customerReference":"%s","customerType":"business","customer":{
                  "businessName":"Acme Widgets","businessType":"LLC","email":"ops@acme-widgets.com",
                  "businessAddresses":[%s],
                  "businessPhones":[{"type":"PRIMARY","countryDialingCode":"1","phoneNumber":"2125550143"}],
                  "identificationDocuments":[{"type":"FEIN","value":"%s","issuanceCountryCodeA3":"USA"}],
                  "businessRepresentatives":[%s]}}"""
                .formatted(reference(), address("PRIMARY", primaryPostalCode), issuableFein(), reps);
    }

    public static String business(List<String> repLastNames, List<String> ids) {
        return business("10001", repLastNames, ids);
    }

    private static String address(String type, String postalCode) {
        return """
                {"type":"%s","addressLine1":"1 Main St","city":"New York","stateCode":"NY","postalCode":"%s","countryCodeA3":"USA"}"""
                .formatted(type, postalCode);
    }

    public static String generate(String extension, String type, String name) {
        return """
                {"workflow":"PERSONAL","name":"%s","extension":"%s","type":"%s"}""".formatted(name, extension, type);
    }

    public static String update(String customerId, List<String[]> entityDocumentView) {
        return """
                {"customerId":"%s","documents":[%s]}""".formatted(customerId, entityDocumentView.stream()
                .map(t -> "{\"entityId\":\"%s\",\"documentId\":\"%s\",\"view\":\"%s\"}".formatted(t[0], t[1], t[2]))
                .collect(Collectors.joining(",")));
    }
}
