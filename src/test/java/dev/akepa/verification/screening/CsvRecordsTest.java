package dev.akepa.verification.screening;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvRecordsTest {

    @Test
    void quotedFieldsKeepCommasAndDoubledQuotes() throws Exception {
        List<List<String>> rows = CsvRecords.parse("173,\"ANGLO-CARIBBEAN CO., LTD.\",\"say \"\"hi\"\"\"\r\n", "t.csv");

        assertThat(rows).containsExactly(List.of("173", "ANGLO-CARIBBEAN CO., LTD.", "say \"hi\""));
    }

    @Test
    void emptyMarkerBecomesEmptyAndUnquotedFieldsAreTrimmed() throws Exception {
        List<List<String>> rows = CsvRecords.parse("36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\", -0- \r\n", "t.csv");

        assertThat(rows).containsExactly(List.of("36", "AEROCARIBBEAN AIRLINES", "", "CUBA", ""));
    }

    @Test
    void quotedFieldMaySpanLinesAndTrailingEndOfFileByteIsIgnored() throws Exception {
        List<List<String>> rows = CsvRecords.parse("1,\"two\r\nlines\"\r\n2,\"x\"\r\n\u001A", "t.csv");

        assertThat(rows).containsExactly(List.of("1", "two\r\nlines"), List.of("2", "x"));
    }

    @Test
    void lastLineWithoutLineBreakIsRead() throws Exception {
        assertThat(CsvRecords.parse("1,a\n2,b", "t.csv")).containsExactly(List.of("1", "a"), List.of("2", "b"));
    }

    @Test
    void unclosedQuoteNamesFileAndLine() {
        assertThatThrownBy(() -> CsvRecords.parse("1,\"a\"\n2,\"never closed\n", "sdn.csv"))
                .isInstanceOf(SdnFormatException.class)
                .hasMessage("sdn.csv line 3: quoted field is never closed");
    }

    @Test
    void textAfterClosingQuoteIsRejected() {
        assertThatThrownBy(() -> CsvRecords.parse("1,\"a\"b\n", "alt.csv"))
                .isInstanceOf(SdnFormatException.class)
                .hasMessage("alt.csv line 1: text after a closing quote");
    }
}
