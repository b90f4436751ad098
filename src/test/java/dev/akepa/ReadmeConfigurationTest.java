package dev.akepa;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's configuration table and {@link Variable} name the same variables: none undocumented, none stale. */
class ReadmeConfigurationTest {
    private static final Pattern NAME = Pattern.compile("`(AKEPA_[A-Z0-9_]+)`");

    @Test
    void theReadmeTableListsExactlyTheVariablesConfigKnows() throws Exception {
        Set<String> documented = new TreeSet<>();
        for (String row : configurationTable()) {
            String firstColumn = row.split("\\|")[1];
            Matcher m = NAME.matcher(firstColumn);
            while (m.find()) documented.add(m.group(1));
        }
        Set<String> known = new TreeSet<>(Arrays.stream(Variable.values()).map(Enum::name).toList());

        assertThat(documented).as("variables in the README's configuration table").isEqualTo(known);
    }

    /** The table rows under "## Configuration", header and separator left out. */
    private static java.util.List<String> configurationTable() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n## Configuration\n");
        assertThat(start).as("README has a Configuration section").isNotNegative();
        String section = readme.substring(start + 1);
        int next = section.indexOf("\n## ");
        if (next > 0) section = section.substring(0, next);
        return section.lines().filter(l -> l.startsWith("| `AKEPA_")).toList();
    }
}
