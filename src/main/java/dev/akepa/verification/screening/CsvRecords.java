package dev.akepa.verification.screening;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads OFAC's legacy CSV: comma-separated, fields optionally in double quotes (a doubled quote inside is
 * a literal quote, and a quoted field may span lines), CRLF line ends and a trailing DOS end-of-file byte.
 * The token {@code -0-} (often followed by a space) stands for an empty field and is returned as {@code ""}.
 */
final class CsvRecords {
    private static final char END_OF_FILE = 0x1A;
    private static final String EMPTY_MARKER = "-0-";

    private CsvRecords() {}

    /** One record and the line of the file it starts on (1-based), for error messages an operator can follow. */
    record Row(int line, List<String> fields) {}

    /** The published files are ASCII today; older releases were Windows-1252, so fall back to it. */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    static List<List<String>> parse(String text, String sourceName) throws SdnFormatException {
        return rows(text, sourceName).stream().map(Row::fields).toList();
    }

    /**
     * The records of a whole file. A file whose last record does not end with a line break (before the optional
     * end-of-file byte) was cut off in transfer and is refused, as OFAC always ends its files with one.
     */
    static List<Row> completeRows(String text, String sourceName) throws SdnFormatException {
        String body = text.endsWith(String.valueOf(END_OF_FILE)) ? text.substring(0, text.length() - 1) : text;
        if (!body.isEmpty() && !body.endsWith("\n")) {
            throw new SdnFormatException(sourceName, "line " + body.lines().count(), "file ends inside a record (truncated?)");
        }
        return rows(text, sourceName);
    }

    static List<Row> rows(String text, String sourceName) throws SdnFormatException {
        List<Row> records = new ArrayList<>();
        int recordLine = 1;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        int line = 1;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < length && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') line++;
                    field.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (!field.toString().isBlank()) {
                        throw new SdnFormatException(sourceName, "line " + line, "quote inside an unquoted field");
                    }
                    field.setLength(0);
                    quoted = true;
                    fieldWasQuoted = true;
                }
                case ',' -> {
                    fields.add(finish(field, fieldWasQuoted));
                    fieldWasQuoted = false;
                }
                case '\r', END_OF_FILE -> { }
                case '\n' -> {
                    endRecord(records, recordLine, fields, field, fieldWasQuoted);
                    fieldWasQuoted = false;
                    line++;
                    recordLine = line;
                }
                default -> {
                    if (!fieldWasQuoted) {
                        field.append(c);
                    } else if (!Character.isWhitespace(c)) {
                        throw new SdnFormatException(sourceName, "line " + line, "text after a closing quote");
                    }
                }
            }
        }
        if (quoted) throw new SdnFormatException(sourceName, "line " + line, "quoted field is never closed");
        endRecord(records, recordLine, fields, field, fieldWasQuoted);
        return records;
    }

    private static void endRecord(List<Row> records, int line, List<String> fields, StringBuilder field,
                                  boolean fieldWasQuoted) {
        boolean blankLine = fields.isEmpty() && field.toString().isBlank() && !fieldWasQuoted;
        if (!blankLine) {
            fields.add(finish(field, fieldWasQuoted));
            records.add(new Row(line, List.copyOf(fields)));
        }
        fields.clear();
        field.setLength(0);
    }

    private static String finish(StringBuilder field, boolean wasQuoted) {
        String value = wasQuoted ? field.toString() : field.toString().strip();
        field.setLength(0);
        return value.strip().equals(EMPTY_MARKER) ? "" : value;
    }
}
