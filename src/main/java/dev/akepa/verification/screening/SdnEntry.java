package dev.akepa.verification.screening;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One entry of the SDN list with what screening uses: its names, and the corroborating facts found in its
 * remarks and addresses.
 *
 * @param source       the SDN list or OFAC's consolidated (non-SDN) list, whose numbers are a separate series
 * @param entityNumber OFAC's unique entry number ({@code ent_num})
 * @param name         the primary name as OFAC writes it (individuals: "LAST, First")
 * @param programs     sanctions programs, e.g. SDGT, IRAN
 * @param aliases      a.k.a., f.k.a. and n.k.a. names from alt.csv
 * @param weakAliases  the aliases OFAC calls weak, quoted in the remarks ({@code a.k.a. 'BNC'})
 * @param birthDates   "DOB" and "alt. DOB" remarks, each as the span of days it allows
 * @param countries    ISO 3166-1 alpha-3 codes of nationality, citizenship, place of birth and addresses
 */
public record SdnEntry(Source source, int entityNumber, String name, SdnType type, List<String> programs,
                       List<String> aliases, List<String> weakAliases, List<DateSpan> birthDates, Set<String> countries) {

    /** Which of OFAC's lists an entry comes from. */
    public enum Source {
        SDN(""), CONSOLIDATED("cons:");

        private final String idPrefix;

        Source(String idPrefix) {
            this.idPrefix = idPrefix;
        }
    }

    public SdnEntry {
        programs = List.copyOf(programs);
        aliases = List.copyOf(aliases);
        weakAliases = List.copyOf(weakAliases);
        birthDates = List.copyOf(birthDates);
        countries = Set.copyOf(countries);
    }

    /** OFAC's ent_num as a string, prefixed "cons:" for the consolidated list: unique across both lists. */
    public String entryId() {
        return source.idPrefix + entityNumber;
    }

    /** Programs as OFAC prints them together, e.g. "IRAN; NPWMD". */
    public String programList() {
        return String.join("; ", programs);
    }

    public enum SdnType {
        INDIVIDUAL, ENTITY, VESSEL, AIRCRAFT;

        /** The legacy file writes "individual", "vessel", "aircraft", and -0- for an entity. */
        static SdnType parse(String field) {
            return switch (field.strip().toLowerCase(Locale.ROOT)) {
                case "" -> ENTITY;
                case "individual" -> INDIVIDUAL;
                case "vessel" -> VESSEL;
                case "aircraft" -> AIRCRAFT;
                default -> throw new IllegalArgumentException("unknown SDN type '" + field + "'");
            };
        }
    }
}
