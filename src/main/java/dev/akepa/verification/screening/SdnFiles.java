package dev.akepa.verification.screening;

import dev.akepa.verification.screening.CsvRecords.Row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one list's three legacy files into entries: entries (sdn.csv / cons_prim.csv, 12 columns), aliases
 * (alt.csv / cons_alt.csv, 5 columns) and addresses (add.csv / cons_add.csv, 6 columns, of which only the
 * country is used). Every row must have its file's exact column count, so a file cut off in transfer, or one of
 * another layout, is refused with its line number instead of loading a shorter list.
 */
final class SdnFiles {
    private static final int ENTRY_COLUMNS = 12;
    private static final int ALIAS_COLUMNS = 5;
    private static final int ADDRESS_COLUMNS = 6;

    private SdnFiles() {}

    /** The SDN list and, when the release has it, the consolidated list, each entry once. */
    static List<SdnEntry> read(ListFiles files) throws SdnFormatException {
        List<SdnEntry> entries = new ArrayList<>(read(files, ListFiles.SDN, SdnEntry.Source.SDN));
        if (files.hasConsolidated()) entries.addAll(read(files, ListFiles.CONSOLIDATED, SdnEntry.Source.CONSOLIDATED));
        return entries;
    }

    private static List<SdnEntry> read(ListFiles files, List<String> names, SdnEntry.Source source) throws SdnFormatException {
        String entriesFile = names.get(0);
        String aliasesFile = names.get(1);
        String addressesFile = names.get(2);
        Map<Integer, Draft> drafts = new LinkedHashMap<>();
        for (Row row : rows(files, entriesFile, ENTRY_COLUMNS)) {
            List<String> f = row.fields();
            int number = entityNumber(f.getFirst(), entriesFile, row);
            SdnEntry.SdnType type;
            try {
                type = SdnEntry.SdnType.parse(f.get(2));
            } catch (IllegalArgumentException e) {
                throw new SdnFormatException(entriesFile, "line " + row.line(), e.getMessage());
            }
            if (f.get(1).isBlank()) throw new SdnFormatException(entriesFile, "line " + row.line(), "entry " + number + " has no name");
            Draft draft = new Draft(source, number, f.get(1), type, programs(f.get(3)), Remarks.parse(f.get(11)));
            if (drafts.put(number, draft) != null) {
                throw new SdnFormatException(entriesFile, "line " + row.line(), "entry " + number + " appears twice");
            }
        }
        if (drafts.isEmpty()) throw new SdnFormatException(entriesFile, "line 1", "the file holds no entries");
        for (Row row : rows(files, aliasesFile, ALIAS_COLUMNS)) {
            Draft entry = known(drafts, row, aliasesFile);
            if (!row.fields().get(3).isBlank()) entry.aliases.add(row.fields().get(3));
        }
        for (Row row : rows(files, addressesFile, ADDRESS_COLUMNS)) {
            Draft entry = known(drafts, row, addressesFile);
            CountryNames.alpha3(row.fields().get(4)).ifPresent(entry.countries::add);
        }
        return drafts.values().stream().map(Draft::entry).toList();
    }

    private static List<Row> rows(ListFiles files, String name, int columns) throws SdnFormatException {
        String text = files.texts().get(name);
        if (text == null) throw new SdnFormatException(name, "line 1", "file is missing");
        List<Row> rows = CsvRecords.completeRows(text, name);
        for (Row row : rows) {
            if (row.fields().size() != columns) {
                throw new SdnFormatException(name, "line " + row.line(),
                        "expected " + columns + " fields, found " + row.fields().size());
            }
        }
        return rows;
    }

    /** An alias or address of an entry the entries file does not have means the files are not one release. */
    private static Draft known(Map<Integer, Draft> drafts, Row row, String file) throws SdnFormatException {
        int number = entityNumber(row.fields().getFirst(), file, row);
        Draft entry = drafts.get(number);
        if (entry == null) throw new SdnFormatException(file, "line " + row.line(), "entry " + number + " is not in the entries file");
        return entry;
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

    private static int entityNumber(String field, String file, Row row) throws SdnFormatException {
        try {
            return Integer.parseInt(field.strip());
        } catch (NumberFormatException e) {
            throw new SdnFormatException(file, "line " + row.line(), "entry number '" + field + "' is not a number");
        }
    }

    private static final class Draft {
        final SdnEntry.Source source;
        final int number;
        final String name;
        final SdnEntry.SdnType type;
        final List<String> programs;
        final Remarks remarks;
        final List<String> aliases = new ArrayList<>();
        final Set<String> countries = new LinkedHashSet<>();

        Draft(SdnEntry.Source source, int number, String name, SdnEntry.SdnType type, List<String> programs, Remarks remarks) {
            this.source = source;
            this.number = number;
            this.name = name;
            this.type = type;
            this.programs = programs;
            this.remarks = remarks;
            countries.addAll(remarks.countries());
        }

        SdnEntry entry() {
            return new SdnEntry(source, number, name, type, programs, aliases, remarks.weakAliases(), remarks.birthDates(), countries);
        }
    }
}
