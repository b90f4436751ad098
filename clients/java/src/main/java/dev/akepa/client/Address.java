package dev.akepa.client;

/**
 * A postal address: type PRIMARY, MAILING or OTHER; countryCodeA3 is ISO 3166-1 alpha-3 ("USA").
 * {@code addressLine2} may be null.
 */
public record Address(String type, String addressLine1, String addressLine2, String city, String stateCode,
                      String postalCode, String countryCodeA3) {

    /** An address without a second line. */
    public static Address of(String type, String addressLine1, String city, String stateCode, String postalCode,
                             String countryCodeA3) {
        return new Address(type, addressLine1, null, city, stateCode, postalCode, countryCodeA3);
    }
}
