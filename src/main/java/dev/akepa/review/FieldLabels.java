package dev.akepa.review;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Human words for the stored customer data: a label per JSON key (the raw key stays on hover for support),
 * country names for ISO 3166 alpha-3 codes (the JDK's own list, in English) and US state and territory names
 * for USPS codes.
 */
final class FieldLabels {
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("customerType", "Customer type"), Map.entry("customerReference", "Reference"),
            Map.entry("firstName", "First name"), Map.entry("lastName", "Last name"),
            Map.entry("dateOfBirth", "Date of birth"), Map.entry("gender", "Gender"), Map.entry("email", "E-mail"),
            Map.entry("citizenshipCountryCodeA3", "Citizenship"), Map.entry("jobTitle", "Job title"),
            Map.entry("businessName", "Business name"), Map.entry("doingBusinessAs", "Doing business as"),
            Map.entry("businessType", "Business type"), Map.entry("incorporationDate", "Incorporated on"),
            Map.entry("incorporationStateCode", "Incorporated in"), Map.entry("website", "Website"),
            Map.entry("addressLine1", "Address line 1"), Map.entry("addressLine2", "Address line 2"),
            Map.entry("city", "City"), Map.entry("stateCode", "State"), Map.entry("postalCode", "Postal code"),
            Map.entry("countryCodeA3", "Country"), Map.entry("countryDialingCode", "Dialing code"),
            Map.entry("phoneNumber", "Phone number"), Map.entry("type", "Type"), Map.entry("value", "Number"),
            Map.entry("issuanceCountryCodeA3", "Issued by (country)"), Map.entry("issuanceRegion", "Issued by (region)"),
            Map.entry("expiryDate", "Expires on"), Map.entry("id", "Id"), Map.entry("isController", "Control person"),
            Map.entry("ownershipPercentage", "Ownership %"));

    private static final Map<String, String> COUNTRIES = countries();

    private static final Map<String, String> STATES = Map.ofEntries(
            Map.entry("AL", "Alabama"), Map.entry("AK", "Alaska"), Map.entry("AZ", "Arizona"), Map.entry("AR", "Arkansas"),
            Map.entry("CA", "California"), Map.entry("CO", "Colorado"), Map.entry("CT", "Connecticut"),
            Map.entry("DE", "Delaware"), Map.entry("FL", "Florida"), Map.entry("GA", "Georgia"), Map.entry("HI", "Hawaii"),
            Map.entry("ID", "Idaho"), Map.entry("IL", "Illinois"), Map.entry("IN", "Indiana"), Map.entry("IA", "Iowa"),
            Map.entry("KS", "Kansas"), Map.entry("KY", "Kentucky"), Map.entry("LA", "Louisiana"), Map.entry("ME", "Maine"),
            Map.entry("MD", "Maryland"), Map.entry("MA", "Massachusetts"), Map.entry("MI", "Michigan"),
            Map.entry("MN", "Minnesota"), Map.entry("MS", "Mississippi"), Map.entry("MO", "Missouri"),
            Map.entry("MT", "Montana"), Map.entry("NE", "Nebraska"), Map.entry("NV", "Nevada"),
            Map.entry("NH", "New Hampshire"), Map.entry("NJ", "New Jersey"), Map.entry("NM", "New Mexico"),
            Map.entry("NY", "New York"), Map.entry("NC", "North Carolina"), Map.entry("ND", "North Dakota"),
            Map.entry("OH", "Ohio"), Map.entry("OK", "Oklahoma"), Map.entry("OR", "Oregon"), Map.entry("PA", "Pennsylvania"),
            Map.entry("RI", "Rhode Island"), Map.entry("SC", "South Carolina"), Map.entry("SD", "South Dakota"),
            Map.entry("TN", "Tennessee"), Map.entry("TX", "Texas"), Map.entry("UT", "Utah"), Map.entry("VT", "Vermont"),
            Map.entry("VA", "Virginia"), Map.entry("WA", "Washington"), Map.entry("WV", "West Virginia"),
            Map.entry("WI", "Wisconsin"), Map.entry("WY", "Wyoming"), Map.entry("DC", "District of Columbia"),
            Map.entry("AS", "American Samoa"), Map.entry("GU", "Guam"), Map.entry("MP", "Northern Mariana Islands"),
            Map.entry("PR", "Puerto Rico"), Map.entry("VI", "U.S. Virgin Islands"), Map.entry("FM", "Micronesia"),
            Map.entry("MH", "Marshall Islands"), Map.entry("PW", "Palau"), Map.entry("AA", "Armed Forces Americas"),
            Map.entry("AE", "Armed Forces Europe"), Map.entry("AP", "Armed Forces Pacific"));

    private FieldLabels() {}

    /** The label for a key; an unknown key is shown as it is. */
    static String label(String key) {
        return LABELS.getOrDefault(key, key);
    }

    /** "United States (USA)", "Texas (TX)"; other values unchanged. */
    static String named(String key, String value) {
        if (value == null || value.isEmpty()) return value;
        String k = key.toLowerCase(Locale.ROOT);
        String code = value.toUpperCase(Locale.ROOT);
        String name = k.endsWith("countrycodea3") ? COUNTRIES.get(code) : k.endsWith("statecode") ? STATES.get(code) : null;
        return name == null ? value : name + " (" + value + ")";
    }

    static String country(String alpha3) {
        return COUNTRIES.getOrDefault(alpha3, alpha3);
    }

    private static Map<String, String> countries() {
        Map<String, String> names = new HashMap<>();
        for (String alpha2 : Locale.getISOCountries()) {
            Locale locale = Locale.of("", alpha2);
            names.put(locale.getISO3Country(), locale.getDisplayCountry(Locale.ENGLISH));
        }
        return Map.copyOf(names);
    }
}
