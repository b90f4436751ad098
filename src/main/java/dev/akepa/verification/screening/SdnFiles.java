package dev.akepa.verification.screening;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the three legacy SDN files into entries: sdn.csv (one row per entry), alt.csv (aliases) and add.csv
 * (addresses, of which only the country is used). All three are required; a missing alias file would silently
 * weaken screening.
 */
final class SdnFiles {
    static final String ENTRIES = "sdn.csv";
    static final String ALIASES = "alt.csv";
    static final String ADDRESSES = "add.csv";

    private SdnFiles() {}

    static List<SdnEntry> read(Path directory) throws IOException {
        Map<Integer, Draft> drafts = new LinkedHashMap<>();
        List<List<String>> rows = CsvRecords.read(directory.resolve(ENTRIES));
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            requireFields(row, 4, ENTRIES, i);
            int number = entityNumber(row.getFirst(), ENTRIES, i);
            SdnEntry.SdnType type;
            try {
                type = SdnEntry.SdnType.parse(row.get(2));
            } catch (IllegalArgumentException e) {
                throw new SdnFormatException(ENTRIES, "row " + (i + 1), e.getMessage());
            }
            String remarks = row.size() > 11 ? row.get(11) : "";
            if (drafts.put(number, new Draft(number, row.get(1), type, programs(row.get(3)), Remarks.parse(remarks))) != null) {
                throw new SdnFormatException(ENTRIES, "row " + (i + 1), "entry " + number + " appears twice");
            }
        }
        rows = CsvRecords.read(directory.resolve(ALIASES));
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            requireFields(row, 4, ALIASES, i);
            Draft entry = drafts.get(entityNumber(row.getFirst(), ALIASES, i));
            if (entry != null && !row.get(3).isBlank()) entry.aliases.add(row.get(3));
        }
        rows = CsvRecords.read(directory.resolve(ADDRESSES));
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            requireFields(row, 5, ADDRESSES, i);
            Draft entry = drafts.get(entityNumber(row.getFirst(), ADDRESSES, i));
            if (entry != null) CountryNames.alpha3(row.get(4)).ifPresent(entry.countries::add);
        }
        return drafts.values().stream().map(Draft::entry).toList();
    }

    /** The legacy file writes several programs as "IRAN] [NPWMD] [IFSR" (the outer brackets are dropped). */
    static List<String> programs(String field) {
        List<String> programs = new ArrayList<>();
        for (String program : field.split("\\]\\s*\\[")) {
            String name = program.replace("[", "").replace("]", "").strip();
            if (!name.isEmpty()) programs.add(name);
        }
        return programs;
    }

    private static void requireFields(List<String> row, int count, String file, int index) throws SdnFormatException {
        if (row.size() < count) {
            throw new SdnFormatException(file, "row " + (index + 1), "expected at least " + count + " fields, found " + row.size());
        }
    }

    private static int entityNumber(String field, String file, int index) throws SdnFormatException {
        try {
            return Integer.parseInt(field.strip());
        } catch (NumberFormatException e) {
            throw new SdnFormatException(file, "row " + (index + 1), "entry number '" + field + "' is not a number");
        }
    }

    private static final class Draft {
        final int number;
        final String name;
        final SdnEntry.SdnType type;
        final List<String> programs;
        final Remarks remarks;
        final List<String> aliases = new ArrayList<>();
        final Set<String> countries = new LinkedHashSet<>();

        Draft(int number, String name, SdnEntry.SdnType type, List<String> programs, Remarks remarks) {
            this.number = number;
            this.name = name;
            this.type = type;
            this.programs = programs;
            this.remarks = remarks;
            countries.addAll(remarks.countries());
        }

        SdnEntry entry() {
            return new SdnEntry(number, name, type, programs, aliases, remarks.birthDates(), countries);
        }
    }
}
