package dev.akepa.verification;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class UsStateTest {
    @Test
    void everyStateOfTheZipPrefixTableIsAKnownCode() throws IOException {
        Set<String> inTable = new TreeSet<>();
        try (InputStream in = UsStateTest.class.getResourceAsStream("/verification/us-zip-prefixes.txt")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .forEach(line -> inTable.addAll(Arrays.asList(line.trim().split(" ")).subList(1, line.trim().split(" ").length)));
        }
        assertThat(inTable).isNotEmpty().allSatisfy(code -> assertThat(UsState.ofCode(code)).as(code).isPresent());
    }

    @Test
    void codesAreExactAndNamed() {
        assertThat(UsState.ofCode("TX")).hasValue(UsState.TX);
        assertThat(UsState.TX.displayName()).isEqualTo("Texas");
        assertThat(UsState.ofCode("tx")).isEmpty();
        assertThat(UsState.ofCode("ZZ")).isEmpty();
        assertThat(UsState.ofCode(null)).isEmpty();
        assertThat(UsState.values()).hasSize(62);
    }
}
