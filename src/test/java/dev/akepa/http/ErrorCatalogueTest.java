package dev.akepa.http;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** One catalogue: every code in {@link ErrorCode} is documented, and no error is built outside the catalogue. */
class ErrorCatalogueTest {
    private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\|", Pattern.MULTILINE);

    @Test
    void docsErrorsListsExactlyTheCatalogue() throws IOException {
        Set<String> documented = new TreeSet<>();
        Matcher m = ROW.matcher(Files.readString(Path.of("docs/errors.md")));
        while (m.find()) documented.add(m.group(1));

        assertThat(documented).isEqualTo(new TreeSet<>(Arrays.stream(ErrorCode.values()).map(ErrorCode::wire).toList()));
    }

    /**
     * An ApiException takes only an ErrorCode, so every code the server sends is in the catalogue; and only the
     * capabilities' …Errors classes build one, so each message and context has one home too.
     */
    @Test
    void onlyTheErrorsClassesBuildErrors() throws IOException {
        List<String> builders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            builders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> read(p).contains("new ApiException("))
                    .map(p -> p.getFileName().toString())
                    .toList();
        }
        assertThat(builders).isNotEmpty().allMatch(name -> name.endsWith("Errors.java"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
