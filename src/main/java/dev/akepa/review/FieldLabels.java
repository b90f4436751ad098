package dev.akepa.review;

import dev.akepa.verification.UsState;

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
        String name = k.endsWith("countrycodea3") ? COUNTRIES.get(code) : k.endsWith("statecode") ? UsState.ofCode(code).map(UsState::displayName).orElse(null) : null;
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
