package dev.akepa.verification.screening;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the country names OFAC writes ("Korea, North", "Burma", "Cote d Ivoire") into ISO 3166-1 alpha-3 codes,
 * so they can be compared with the codes Akepa's customers carry. The JDK's English names cover most; OFAC's own
 * spellings are added where they differ.
 */
final class CountryNames {
    private static final Map<String, String> ALPHA3_BY_NAME = build();

    private CountryNames() {}

    static Optional<String> alpha3(String countryName) {
        return Optional.ofNullable(ALPHA3_BY_NAME.get(key(countryName)));
    }

    private static Map<String, String> build() {
        Map<String, String> byName = new HashMap<>();
        for (String alpha2 : Locale.getISOCountries()) {
            Locale country = Locale.of("", alpha2);
            byName.put(key(country.getDisplayCountry(Locale.ENGLISH)), country.getISO3Country());
        }
        Map.ofEntries(
                Map.entry("Bahamas, The", "BHS"), Map.entry("The Gambia", "GMB"), Map.entry("Gambia, The", "GMB"),
                Map.entry("Burma", "MMR"), Map.entry("Cabo Verde", "CPV"), Map.entry("Cote d Ivoire", "CIV"),
                Map.entry("Congo, Democratic Republic of the", "COD"), Map.entry("Congo, Republic of the", "COG"),
                Map.entry("Czech Republic", "CZE"), Map.entry("Hong Kong", "HKG"), Map.entry("Macau", "MAC"),
                Map.entry("Korea, North", "PRK"), Map.entry("Korea, South", "KOR"), Map.entry("Turkey", "TUR"),
                Map.entry("Macedonia, The Former Yugoslav Republic of", "MKD"), Map.entry("Macedonia", "MKD"),
                Map.entry("Virgin Islands, British", "VGB"), Map.entry("Saint Vincent and the Grenadines", "VCT"),
                Map.entry("Palestinian", "PSE"), Map.entry("West Bank", "PSE"), Map.entry("Region: Gaza", "PSE"),
                Map.entry("Region: Crimea", "UKR"), Map.entry("Region: Northern Mali", "MLI"),
                Map.entry("Man, Isle of", "IMN"), Map.entry("Swaziland", "SWZ"),
                // Kosovo has no ISO code; XKX is the user-assigned code in common use (passports, banks).
                Map.entry("Kosovo", "XKX"))
                .forEach((name, code) -> byName.put(key(name), code));
        return Map.copyOf(byName);
    }

    /** Lower case, no accents or punctuation, "&" as "and", "St." as "saint". */
    static String key(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replace("&", " and ")
                .replaceAll("\\bst\\.", "saint")
                .replaceAll("[’'.]", "")
                .replaceAll("[^a-z0-9]+", " ");
        return plain.strip();
    }
}
