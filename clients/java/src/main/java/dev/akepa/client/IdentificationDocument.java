package dev.akepa.client;

/**
 * An identity number: type SSN, ITIN, PASSPORT, DRIVING LICENSE or STATE ID for a person, FEIN for a business
 * (SSN and FEIN values are nine digits). {@code issuanceRegion} and {@code expiryDate} (YYYY-MM-DD) may be null.
 */
public record IdentificationDocument(String type, String value, String issuanceCountryCodeA3, String issuanceRegion,
                                     String expiryDate) {

    public static IdentificationDocument of(String type, String value, String issuanceCountryCodeA3) {
        return new IdentificationDocument(type, value, issuanceCountryCodeA3, null, null);
    }
}
