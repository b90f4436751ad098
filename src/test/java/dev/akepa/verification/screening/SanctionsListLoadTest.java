package dev.akepa.verification.screening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Loading the real shared OFAC sample (legacy CSV layout). */
class SanctionsListLoadTest {
    private final SanctionsList list = OfacSample.list();

    @Test
    void loadsEveryEntryOfTheSample() {
        assertThat(list.size()).isEqualTo(8976);
    }

    @Test
    void anEntityCarriesItsAliasesAndAddressCountries() {
        SdnEntry bank = list.entry("306").orElseThrow();

        assertThat(bank.name()).isEqualTo("BANCO NACIONAL DE CUBA");
        assertThat(bank.type()).isEqualTo(SdnEntry.SdnType.ENTITY);
        assertThat(bank.programs()).containsExactly("CUBA");
        assertThat(bank.aliases()).contains("NATIONAL BANK OF CUBA");
        assertThat(bank.countries()).contains("CHE", "ESP", "JPN", "PAN");
    }

    @Test
    void anIndividualCarriesBirthDatesAndCountriesFromRemarks() {
        SdnEntry maduro = list.entry("22790").orElseThrow();

        assertThat(maduro.name()).isEqualTo("MADURO MOROS, Nicolas");
        assertThat(maduro.type()).isEqualTo(SdnEntry.SdnType.INDIVIDUAL);
        assertThat(maduro.programs()).containsExactly("VENEZUELA", "IRAN-CON-ARMS-EO");
        assertThat(maduro.birthDates()).anySatisfy(span -> assertThat(span.contains(LocalDate.of(1962, 11, 23))).isTrue());
        assertThat(maduro.countries()).contains("VEN");
    }

    @Test
    void emptyMarkersDoNotBecomeValues() {
        SdnEntry airline = list.entry("36").orElseThrow();

        assertThat(airline.name()).isEqualTo("AEROCARIBBEAN AIRLINES");
        assertThat(airline.birthDates()).isEmpty();
        assertThat(airline.aliases()).containsExactly("AERO-CARIBBEAN");
    }

    @Test
    void aMissingDirectoryFailsWithItsPath(@TempDir Path temp) {
        Path missing = temp.resolve("no-such-dir");

        assertThatThrownBy(() -> SanctionsList.load(missing))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("sdn.csv, alt.csv and add.csv");
    }

    @Test
    void aMissingAliasFileFailsRatherThanScreeningWithoutAliases(@TempDir Path temp) throws Exception {
        Files.writeString(temp.resolve("sdn.csv"), "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\"\r\n");
        Files.writeString(temp.resolve("add.csv"), "");

        assertThatThrownBy(() -> SanctionsList.load(temp))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("alt.csv");
    }

    @Test
    void aMalformedRowNamesFileAndLine(@TempDir Path temp) throws Exception {
        String row = ",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";
        Files.writeString(temp.resolve("sdn.csv"), "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\"" + row
                + "abc,\"X\",-0- ,\"CUBA\"" + row);
        Files.writeString(temp.resolve("alt.csv"), "");
        Files.writeString(temp.resolve("add.csv"), "");

        assertThatThrownBy(() -> SanctionsList.load(temp))
                .isInstanceOf(SdnFormatException.class)
                .hasMessage("sdn.csv line 2: entry number 'abc' is not a number");
    }

    @Test
    void aTruncatedFileIsRefusedWithItsLine(@TempDir Path temp) throws Exception {
        Files.writeString(temp.resolve("sdn.csv"), "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
                + "173,\"ANGLO-CARIBBEAN CO., LTD.\",-0- ,\"CU");
        Files.writeString(temp.resolve("alt.csv"), "");
        Files.writeString(temp.resolve("add.csv"), "");

        assertThatThrownBy(() -> SanctionsList.load(temp))
                .isInstanceOf(SdnFormatException.class)
                .hasMessage("sdn.csv line 2: file ends inside a record (truncated?)");
    }

    @Test
    void aRowWithTooFewFieldsIsRefusedWithItsLine(@TempDir Path temp) throws Exception {
        Files.writeString(temp.resolve("sdn.csv"), "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
                + "173,\"ANGLO-CARIBBEAN CO., LTD.\",-0- ,\"CUBA\"\r\n");
        Files.writeString(temp.resolve("alt.csv"), "");
        Files.writeString(temp.resolve("add.csv"), "");

        assertThatThrownBy(() -> SanctionsList.load(temp))
                .isInstanceOf(SdnFormatException.class)
                .hasMessage("sdn.csv line 2: expected 12 fields, found 4");
    }
}
